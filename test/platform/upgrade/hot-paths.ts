// The requests a facility makes most, from a fresh database: the demo facility is loaded, MxDC
// registers, launches a session, asks for its samples (ProjectSamples), uploads a dataset
// (AddData) and a report (AddReport); a user lists shipments, samples and datasets through the
// REST API; and the dataset's frame is fetched through the Data Proxy (raw). Each answer is
// checked. The upgrade tests run it on an older schema, and scripts/record-hot-path-queries.ts
// records the SQL it runs, so the next release's schema can be tried with this release's queries.
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadDocument } from '../../../src/loader/load-file.ts';
import { loadSections } from '../../../src/modules.ts';
import type { TestServer } from '../../helpers/platform.ts';
import { login } from '../../helpers/accounts.ts';
import { MxdcClient } from '../../support/mxdc/client.ts';
import { MxdcSigner } from '../../support/mxdc/signer.ts';

export const DEMO_FACILITY = path.resolve(import.meta.dirname, '../../../examples/demo-facility.yaml');
/** A fixed session name, so recordings of the same code differ only in times and keys. */
const SESSION = 'SIM1-20261121-upgrade1';

/**
 * MxDC's key, the same in every run (a test key, nothing else trusts it): the upgrade test goes on
 * with the key the previous release's recorded run registered.
 */
function fixedSigner(): MxdcSigner {
  const privateKey = createPrivateKey(fs.readFileSync(path.join(import.meta.dirname, 'mxdc-test-key.pem')));
  return new MxdcSigner({ privateKey, publicKey: createPublicKey(privateKey) });
}

/** Settings for the server the hot paths run on: `dataRoot` holds what MxDC writes. */
export function hotPathEnv(dataRoot: string): Record<string, string> {
  return { LIGHTPATH_DATA_ROOTS: dataRoot, LIGHTPATH_DATA_USER_ROOT: dataRoot };
}

export async function runHotPaths(server: TestServer, dataRoot: string): Promise<void> {
  await loadDocument(server.platform, YAML.parse(fs.readFileSync(DEMO_FACILITY, 'utf8')), loadSections, path.dirname(DEMO_FACILITY));
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = server.app.server.address() as { port: number };
  const mxdc = new MxdcClient(`http://127.0.0.1:${port}`, 'demo', fixedSigner());
  const ok = <T extends { status: number; text: string }>(what: string, reply: T): T => {
    assert.equal(reply.status, 200, `${what}: ${reply.text}`);
    return reply;
  };

  // 304: the key was registered before (by the previous release, in the upgrade test).
  const registered = await mxdc.register();
  assert.ok(registered.status === 200 || registered.status === 304, `register: ${registered.status} ${registered.text}`);
  ok('LaunchSession', await mxdc.launch('SIM-1', SESSION));
  const samples = ok('ProjectSamples', await mxdc.samples('SIM-1')).body as Array<{ id: number; name: string }>;
  assert.ok(samples.length > 0, 'ProjectSamples lists the demo samples');

  const directory = path.join(dataRoot, 'demo', SESSION, samples[0].name);
  fs.mkdirSync(directory, { recursive: true });
  const frame = Buffer.from('a diffraction frame');
  fs.writeFileSync(path.join(directory, 'data_00001.cbf'), frame);
  const dataset = ok('AddData', await mxdc.addData('SIM-1', {
    name: `${samples[0].name}_1`, frames: '1-10', filename: 'data_{:05d}.cbf', type: 'DATA', directory, sample_id: samples[0].id,
    energy: 12.658, attenuation: 50, exposure: 0.5, beam_size: 50, start_time: '2026-11-21T10:00:00+00:00', end_time: '2026-11-21T10:03:00+00:00',
  })).body as { id: number };
  ok('AddReport', await mxdc.addReport('SIM-1', {
    data_id: [dataset.id], directory: path.join(directory, 'process'), title: 'Analysis', kind: 'MX Native Analysis', score: 0.8, details: [],
  }));

  const user = await login(server.app, 'demo', 'demo');
  const list = async (what: string) => {
    const response = await server.app.inject({ method: 'GET', url: `/rest/v1/${what}`, headers: user.headers });
    assert.equal(response.statusCode, 200, `${what}: ${response.body}`);
    const page = response.json() as { count: number; results: Array<Record<string, unknown>> };
    assert.ok(page.count > 0, `${what} lists something`);
    return page.results;
  };
  await list('shipments');
  await list('samples');
  const [listed] = await list('datasets');
  assert.equal(listed.id, dataset.id);

  const raw = await server.app.inject({ method: 'GET', url: `/download/files/raw/${listed.proxy_key}/data_00001.cbf` });
  assert.equal(raw.statusCode, 200, raw.body);
  assert.ok(raw.rawPayload.equals(frame), 'the Data Proxy hands out the frame');
}

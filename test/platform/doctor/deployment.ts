// A small deployment for `lightpath doctor` to check: the demo facility with an MxDC session, two
// datasets whose first frames exist under a data root and a report, the demo observatory's data
// products in the file store, and a mail server on loopback. The app that made it is closed; the
// database and files stay for the doctor's runs.
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { loadDocument } from '../../../src/loader/load-file.ts';
import { loadSections } from '../../../src/modules.ts';
import { freshDatabase, tempDir } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { startTestServer, testEnv } from '../../helpers/platform.ts';
import { startSmtp } from '../../support/smtp.ts';
import type { TestSmtp } from '../../support/smtp.ts';
import { MxdcClient, sessionKey } from '../../support/mxdc/client.ts';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../examples');

export interface Deployment {
  database: TestDatabase;
  dataRoot: string;
  smtp: TestSmtp;
  /** The first frame file of each dataset, in upload order. */
  frameFiles: string[];
  /** What `lightpath doctor` is given for a healthy deployment. */
  env: Record<string, string>;
  remove(): Promise<void>;
}

async function loadYaml(server: Awaited<ReturnType<typeof startTestServer>>, file: string): Promise<void> {
  await loadDocument(server.platform, YAML.parse(fs.readFileSync(file, 'utf8')), loadSections, path.dirname(file));
}

export async function makeDeployment(): Promise<Deployment> {
  const database = await freshDatabase();
  const dataRoot = fs.realpathSync(tempDir('lightpath-doctor-root-'));
  const smtp = await startSmtp();
  const env = testEnv(database, {
    LIGHTPATH_DATA_ROOTS: dataRoot, LIGHTPATH_DATA_USER_ROOT: dataRoot,
    LIGHTPATH_BASE_URL: 'https://lightpath.example.org', LIGHTPATH_TRUSTED_PROXIES: '127.0.0.1',
    SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'lightpath@example.org',
  });
  const server = await startTestServer({ database, env });
  const frameFiles: string[] = [];
  try {
    await loadYaml(server, path.join(EXAMPLES, 'demo-facility.yaml'));
    await loadYaml(server, path.join(EXAMPLES, 'demo-observatory.yaml'));
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as { port: number };
    const mxdc = new MxdcClient(`http://127.0.0.1:${port}`, 'demo');
    const session = sessionKey('SIM-1');
    const expect200 = (reply: { status: number; text: string }) => {
      if (reply.status !== 200) throw new Error(`MxDC call answered ${reply.status}: ${reply.text}`);
    };
    expect200(await mxdc.register());
    expect200(await mxdc.launch('SIM-1', session));
    const ids: number[] = [];
    for (const name of ['lyso-01_1', 'lyso-02_1']) {
      const directory = path.join(dataRoot, 'demo', session, name);
      fs.mkdirSync(directory, { recursive: true });
      const first = path.join(directory, `${name}_00001.cbf`);
      fs.writeFileSync(first, 'frame');
      frameFiles.push(first);
      const reply = await mxdc.addData('SIM-1', {
        name, frames: '1-10', filename: `${name}_{:05d}.cbf`, type: 'DATA', directory, energy: 12.658, exposure: 0.5,
        start_time: '2026-11-21T10:00:00+00:00', end_time: '2026-11-21T10:03:00+00:00',
      });
      expect200(reply);
      ids.push(reply.body.id);
    }
    const reportDir = path.join(dataRoot, 'demo', session, 'process');
    fs.mkdirSync(reportDir, { recursive: true });
    expect200(await mxdc.addReport('SIM-1', { data_id: ids, directory: reportDir, title: 'Analysis', kind: 'MX Native Analysis', score: 0.8, details: [] }));
  } finally {
    await server.close();
  }
  return {
    database, dataRoot, smtp, frameFiles, env,
    async remove() {
      await smtp.close();
      await database.drop();
      fs.rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}

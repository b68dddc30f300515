// What the session and dataset pages of the web app read from the lists, after MxDC has recorded
// them: a session's project, how many datasets and reports it has, whether it runs now, and
// whether its files can be downloaded; a dataset's session, sample and group by name.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_FACILITY, startFacility } from '../facility.ts';
import type { Facility } from '../facility.ts';
import { login, makeUser } from '../../helpers/accounts.ts';
import type { Login } from '../../helpers/accounts.ts';
import { tempDir } from '../../helpers/database.ts';
import { sessionKey } from '../../support/mxdc/client.ts';

describe('session and dataset lists for the web pages', () => {
  let facility: Facility;
  let demo: Login;
  let staff: Login;
  let other: Login;
  const first = sessionKey('SIM-1');
  const second = sessionKey('SIM-2');
  const datasets: Record<string, number> = {};

  const get = async (who: Login, url: string, status = 200) => {
    const response = await facility.server.app.inject({ method: 'GET', url: `/rest/v1${url}`, headers: who.headers });
    assert.equal(response.statusCode, status, `${url}: ${response.body}`);
    return response.json();
  };

  before(async () => {
    facility = await startFacility();
    await facility.load(DEMO_FACILITY);
    await makeUser(facility.server.platform, 'staffer', { staff: true });
    await makeUser(facility.server.platform, 'zed');
    await facility.server.app.inject({ method: 'POST', url: '/rest/v1/projects', headers: (await login(facility.server.app, 'staffer')).headers, payload: { username: 'zed' } });
    demo = await login(facility.server.app, 'demo', 'demo');
    staff = await login(facility.server.app, 'staffer');
    other = await login(facility.server.app, 'zed');

    const mxdc = facility.client('demo');
    assert.equal((await mxdc.register()).status, 200);
    // The first session: two datasets (one of a sample in group lyso), one report on both.
    assert.equal((await mxdc.launch('SIM-1', first)).status, 200);
    const samples = (await mxdc.samples('SIM-1')).body as Array<{ id: number; name: string }>;
    const upload = async (beamline: string, name: string, directory: string, sampleId?: number) => {
      const reply = await mxdc.addData(beamline, {
        name, frames: '1-10', filename: `${name}_{:04d}.cbf`, type: 'DATA', directory, energy: 12.658, exposure: 0.2,
        ...(sampleId === undefined ? {} : { sample_id: sampleId }),
      });
      assert.equal(reply.status, 200, reply.text);
      datasets[name] = reply.body.id;
    };
    await upload('SIM-1', 'lyso-01_1', facility.directory(`demo/${first}/lyso-01`), samples[0].id);
    // MxDC may write where the server has no data roots: the record keeps a key that serves nothing.
    await upload('SIM-1', 'elsewhere_1', tempDir('lightpath-elsewhere-'));
    const report = await mxdc.addReport('SIM-1', {
      data_id: [datasets['lyso-01_1'], datasets['elsewhere_1']], directory: facility.directory(`demo/${first}/process`), title: 'Analysis', score: 0.7,
    });
    assert.equal(report.status, 200, report.text);
    assert.equal((await mxdc.close('SIM-1', first)).status, 200);
    // The second session runs on SIM-2 and has nothing yet.
    assert.equal((await mxdc.launch('SIM-2', second)).status, 200);
  });
  after(() => facility.close());

  test('a session names its project and counts its datasets and reports', async () => {
    const list = await get(demo, '/sessions?ordering=name');
    const byName = Object.fromEntries(list.results.map((s: Record<string, unknown>) => [s.name, s]));
    assert.deepEqual(
      [first, second].map((name) => [byName[name].project, byName[name].beamline, byName[name].dataset_count, byName[name].report_count, byName[name].is_active]),
      [['demo', 'SIM-1', 2, 1, false], ['demo', 'SIM-2', 0, 0, true]],
    );
    const one = await get(demo, `/sessions/${byName[first].id}`);
    assert.deepEqual([one.project, one.dataset_count, one.report_count, one.has_files], ['demo', 2, 1, true]);
    assert.deepEqual(await get(staff, `/sessions/${byName[first].id}`), one, 'staff see the same (it is closed, so its time is fixed)');
    assert.equal((await get(other, '/sessions')).count, 0, 'another project sees none of them');
  });

  test('?active lists the sessions running now, or the others', async () => {
    assert.deepEqual((await get(staff, '/sessions?active=true')).results.map((s: { name: string }) => s.name), [second]);
    assert.deepEqual((await get(demo, '/sessions?active=false')).results.map((s: { name: string }) => s.name), [first]);
    const bad = await get(demo, '/sessions?active=maybe', 400);
    assert.equal(typeof bad.detail, 'string');
  });

  test('sessions sort by beamline and project', async () => {
    assert.deepEqual((await get(demo, '/sessions?ordering=-beamline')).results.map((s: { beamline: string }) => s.beamline), ['SIM-2', 'SIM-1']);
    assert.equal((await get(staff, '/sessions?ordering=project')).count, 2);
    assert.equal((await get(demo, '/sessions?ordering=dataset_count', 400)).detail.length > 0, true);
  });

  test('a dataset names its session, sample and group, and says whether its files can be downloaded', async () => {
    const here = await get(demo, `/datasets/${datasets['lyso-01_1']}`);
    assert.deepEqual([here.session, here.sample, here.group, here.has_files], [first, 'lyso-01', 'lyso', true]);
    const elsewhere = await get(demo, `/datasets/${datasets['elsewhere_1']}`);
    assert.deepEqual([elsewhere.session, elsewhere.sample, elsewhere.group, elsewhere.has_files], [first, null, null, false]);
    const download = await facility.server.app.inject({ method: 'GET', url: `/download/files/archive/${elsewhere.proxy_key}/elsewhere_1.tar.gz` });
    assert.equal(download.statusCode, 404, 'its download link is indeed dead');
    const listed = await get(demo, `/datasets?session=${encodeURIComponent(first)}&ordering=name`);
    assert.deepEqual(listed.results.map((d: { name: string; has_files: boolean }) => [d.name, d.has_files]), [['elsewhere_1', false], ['lyso-01_1', true]]);
    assert.deepEqual((await get(demo, '/datasets?ordering=-type')).results.length, 2);
  });
});

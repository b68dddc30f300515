// Fuzzing the public survey answer (POST /rest/v1/feedback/{key}), which anyone may send: mutated
// answers and mutated keys. An accepted answer is removed again, so every case reaches the writing
// path rather than the "already answered" 409.
import { after, before, describe, test } from 'node:test';
import { DEMO_FACILITY, startFacility } from '../lims/facility.ts';
import type { Facility } from '../lims/facility.ts';
import { sessionKey } from '../support/mxdc/client.ts';
import { answerOf, reportFuzz, rowCounts, runFuzz, showBytes } from './harness.ts';
import { mutateBytes, mutateJson } from './mutate.ts';

interface SurveyCase {
  key: string;
  body: Buffer;
}

describe('fuzz: answers to the post-session survey', () => {
  let facility: Facility;
  let key: string;
  let seed: unknown;
  before(async () => {
    // Mutated keys lead nowhere; the limit on such misses is tested in test/lims/rest/feedback.test.ts.
    facility = await startFacility({ LIGHTPATH_SURVEY_MISS_RATE: '1000000/hour' });
    await facility.load(DEMO_FACILITY);
    const mxdc = facility.client('demo');
    await mxdc.register();
    const survey = (await mxdc.launch('SIM-1', sessionKey('SIM-1'))).body.survey as string;
    key = /\/users\/feedback\/([^/]+)\/new\/$/.exec(survey)![1];
    const areas = await facility.server.platform.db.selectFrom('support_areas').select('id').orderBy('id').execute();
    seed = {
      ratings: [{ area_id: areas[0].id, rating: 2 }, { area_id: areas[1].id, rating: -1 }, { area_id: areas[2].id, rating: null }],
      comments: 'The robot was quick.',
      contact: true,
    };
  });
  after(() => facility.close());

  test('mutated answers and keys never get a 5xx, an odd error body, or a partial write', async (t) => {
    const { db } = facility.server.platform;
    reportFuzz(t, await runFuzz<SurveyCase>({
      name: 'JSON (survey answers)',
      generate: (random) => ({
        key: random.int(8) === 0 ? encodeURIComponent(mutateBytes(random, Buffer.from(key)).toString('latin1')) : key,
        body: mutateJson(random, seed),
      }),
      send: async (input) => {
        const response = await facility.server.app.inject({
          method: 'POST', url: `/rest/v1/feedback/${input.key}`, headers: { 'content-type': 'application/json' }, payload: input.body,
        });
        if (response.statusCode === 201) await db.deleteFrom('session_feedback').where('id', '=', response.json().id).execute();
        return answerOf(response);
      },
      counts: () => rowCounts(db),
      show: (input) => `key ${input.key}: ${showBytes(input.body)}`,
    }, { seconds: 3 }));
  });
});

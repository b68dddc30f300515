// Fuzzing the JSON body parser through real routes of both sides and the tom_education observe
// endpoint: mutated valid bodies (wrong types, huge, nested, odd text, damaged bytes, invalid UTF-8).
import { after, before, describe, test } from 'node:test';
import type { TestContext } from 'node:test';
import { startWorld, draftShipment } from '../lims/rest/world.ts';
import type { World } from '../lims/rest/world.ts';
import { startBench } from '../tom/rest/rest-bench.ts';
import type { Bench } from '../tom/rest/rest-bench.ts';
import { startTestServer } from '../helpers/platform.ts';
import type { TestServer } from '../helpers/platform.ts';
import { createTarget } from '../../src/tom/targets.ts';
import { saveTemplate } from '../../src/tom/observations/templates.ts';
import { FakeFacility } from '../tom/observations/fake-facility.ts';
import { answerOf, rowCounts, runFuzz, showBytes, reportFuzz } from './harness.ts';
import { mutateJson } from './mutate.ts';

interface JsonCase {
  method: 'POST' | 'PATCH';
  url: string;
  headers: Record<string, string>;
  body: Buffer;
}

const show = (input: JsonCase) => `${input.method} ${input.url} ${showBytes(input.body)}`;

type JsonRoute = Omit<JsonCase, 'body'> & { seed: unknown };

/** Mutated bodies of the routes' seeds, each sent to its route. */
async function fuzzRoutes(t: TestContext, name: string, server: TestServer, routes: JsonRoute[]) {
  reportFuzz(t, await runFuzz<JsonCase>({
    name,
    generate: (random) => {
      const route = random.pick(routes);
      return { method: route.method, url: route.url, headers: route.headers, body: mutateJson(random, route.seed) };
    },
    send: async (input) => answerOf(await server.app.inject({ method: input.method, url: input.url, headers: input.headers, payload: input.body })),
    counts: () => rowCounts(server.platform.db),
    show,
  }, { seconds: 4 }));
}

describe('fuzz: JSON bodies on the beamline REST API', () => {
  let world: World;
  let routes: JsonRoute[];
  before(async () => {
    world = await startWorld();
    const trip = await draftShipment(world, 'alice', 'FZ');
    const alice = { ...world.logins.alice.headers, 'content-type': 'application/json' };
    const staff = { ...world.logins.staff.headers, 'content-type': 'application/json' };
    routes = [
      { method: 'POST', url: '/rest/v1/shipments', headers: alice, seed: { name: 'fz-ship', comments: 'fragile' } },
      { method: 'PATCH', url: `/rest/v1/shipments/${trip.shipment}`, headers: alice, seed: { comments: 'changed', name: 'FZ' } },
      { method: 'POST', url: '/rest/v1/containers', headers: alice, seed: { shipment_id: trip.shipment, name: 'FZ-P2', type: 'Uni-Puck' } },
      { method: 'POST', url: '/rest/v1/groups', headers: alice, seed: { shipment_id: trip.shipment, name: 'fz-g', priority: 2 } },
      { method: 'POST', url: '/rest/v1/samples', headers: alice, seed: { container_id: trip.puck, name: 'fz-s', location: '5', group_id: trip.group, comments: 'c', priority: 3 } },
      { method: 'POST', url: `/rest/v1/containers/${trip.puck}/load`, headers: alice, seed: { parent_id: trip.adaptor, location: 'B' } },
      { method: 'POST', url: '/rest/v1/beamlines', headers: staff, seed: { acronym: 'FZ-1', name: 'Fuzz line' } },
      { method: 'POST', url: '/rest/v1/automounters', headers: staff, seed: { beamline_id: world.beamline.id, name: 'FZ-SAM', type: 'SAM Automounter', active: true } },
    ];
  });
  after(() => world.close());

  test('mutated bodies never get a 5xx, an odd error body, or a partial write', async (t) => {
    await fuzzRoutes(t, 'JSON (beamline REST)', world.server, routes);
  });
});

describe('fuzz: JSON bodies on the telescope REST API and the accounts API', () => {
  let bench: Bench;
  let routes: JsonRoute[];
  before(async () => {
    bench = await startBench();
    const target = await bench.target(bench.alice, { identifier: 'fz-target', extra_fields: { mykey: 'v', count: 3 } });
    const alice = { ...bench.alice, 'content-type': 'application/json' };
    routes = [
      { method: 'POST', url: '/rest/v1/targets', headers: alice, seed: { identifier: 'fz-new', name: 'Fz new', ra: 10.5, dec: -20.25, is_public: false, extra_fields: { mykey: 'a', count: 1, active: true, seen: '2026-01-01T00:00:00Z' } } },
      { method: 'POST', url: '/rest/v1/targets', headers: alice, seed: { identifier: 'fz-comet', name: 'Fz comet', kind: 'non_sidereal', scheme: 'MPC_COMET', epoch_of_elements: 59000, arg_of_perihelion: 10, eccentricity: 0.5, lng_asc_node: 20, inclination: 5, epoch_of_perihelion: 59010, perihdist: 1.2 } },
      { method: 'PATCH', url: `/rest/v1/targets/${target.id}`, headers: alice, seed: { name: 'renamed', extra_fields: { count: 4 } } },
      { method: 'POST', url: '/rest/v1/tokens', headers: alice, seed: { name: 'fz-token', scope: 'read' } },
      { method: 'POST', url: '/rest/v1/auth/login', headers: { 'content-type': 'application/json' }, seed: { username: 'bob', password: 'bob-password' } },
    ];
  });
  after(() => bench.close());

  test('mutated bodies never get a 5xx, an odd error body, or a partial write', async (t) => {
    await fuzzRoutes(t, 'JSON (telescope REST, accounts)', bench.server, routes);
  });
});

describe('fuzz: JSON bodies on /api/observe/', () => {
  let server: TestServer;
  let seed: Record<string, unknown>;
  before(async () => {
    server = await startTestServer({ app: { facilities: new Map([['TemplateFake', new FakeFacility()]]) }, env: { LIGHTPATH_OBSERVE_RATE: '100000/minute' } });
    const target = await createTarget(server.platform.db, { identifier: 'fz', name: 'fz', name2: '', name3: '', kind: 'sidereal', ra: 1, dec: 2, is_public: true, owner_id: null }, {});
    await saveTemplate(server.platform.db, { name: 'tpl', targetId: target.id, facility: 'TemplateFake', fields: { test_input: 'x', extra_field: 's', another_extra_field: 1, target_id: target.id, facility: 'TemplateFake', observation_type: '' } });
    seed = { target: target.id, template_name: 'tpl', facility: 'TemplateFake', overrides: { extra_field: 'hello', another_extra_field: 2 }, email: 'fz@example.org' };
  });
  after(() => server.close());

  test('mutated bodies never get a 5xx, an odd error body, or a partial write', async (t) => {
    reportFuzz(t, await runFuzz<Buffer>({
      name: 'JSON (/api/observe/)',
      generate: (random) => mutateJson(random, seed),
      send: async (body) => answerOf(await server.app.inject({ method: 'POST', url: '/api/observe/', headers: { 'content-type': 'application/json' }, payload: body })),
      counts: () => rowCounts(server.platform.db),
      show: (body) => showBytes(body),
      // tom_education answers field problems as Django REST framework does: {"field": ["message", …]}.
      compatError: (body, status) => status === 400 && isDrfFieldErrors(body),
    }, { seconds: 3 }));
  });
});

/** {"field": ["message", …], …} or {"field": {"nested": ["message"]}} as DRF serializers answer. */
export function isDrfFieldErrors(body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  return Object.values(body).every((messages) => (Array.isArray(messages) && messages.every((m) => typeof m === 'string')) || isDrfFieldErrors(messages));
}

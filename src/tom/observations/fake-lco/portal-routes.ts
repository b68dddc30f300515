// The fake Observation Portal: every endpoint the LCO facility calls (spec §10).
import type { FastifyInstance } from 'fastify';
import type { FakeLcoStore, FakeGroup, FakeRequest } from './store.ts';
import { TERMINAL_STATES } from './store.ts';
import { validateGroup } from './validation.ts';
import { expandCadence } from './cadence.ts';
import { isObject } from './values.ts';

const NOT_FOUND = { detail: 'Not found.' };

export function portalRoutes(app: FastifyInstance, store: FakeLcoStore, onSubmitted: (group: FakeGroup) => void): void {
  app.get('/api/instruments/', { config: { endpoint: 'instruments' } }, async () => store.instruments);

  app.get('/api/profile/', { config: { endpoint: 'profile' } }, async () => ({
    username: 'fake-observer',
    email: 'observer@example.org',
    proposals: store.proposals,
    tokens: { api_token: store.settings.apiKey, archive: store.settings.archiveToken },
  }));

  app.post('/api/requestgroups/validate/', { config: { endpoint: 'validate' } }, async (request) => {
    const errors = validateGroup(store, request.body);
    return { request_durations: {}, errors: Object.keys(errors).length > 0 ? errors : {} };
  });

  app.post('/api/requestgroups/cadence/', { config: { endpoint: 'cadence' } }, async (request, reply) => {
    const expanded = isObject(request.body) ? expandCadence(request.body) : 'Invalid data. Expected a dictionary.';
    if (typeof expanded === 'string') return reply.code(400).send({ requests: [{ cadence: { non_field_errors: [expanded] } }] });
    return expanded;
  });

  app.post('/api/requestgroups/', { config: { endpoint: 'submit' } }, async (request, reply) => {
    const errors = validateGroup(store, request.body);
    // The real portal answers an invalid group with its errors, at the top level, and status 400.
    if (Object.keys(errors).length > 0) return reply.code(400).send(errors);
    const body = request.body as Record<string, unknown>;
    const group = store.createGroup(body, (body.requests as unknown[]).filter(isObject));
    onSubmitted(group);
    return reply.code(201).send(groupJson(store, group, body));
  });

  // The TOM Toolkit asks without the trailing slash; the portal's canonical URL has it.
  for (const path of ['/api/requests/:id', '/api/requests/:id/']) {
    app.get(path, { config: { endpoint: 'request' } }, async (request, reply) => {
      const found = store.requests.get(Number((request.params as { id: string }).id));
      return found ? requestJson(found) : reply.code(404).send(NOT_FOUND);
    });
  }

  app.get('/api/requests/:id/observations/', { config: { endpoint: 'observations' } }, async (request, reply) => {
    const found = store.requests.get(Number((request.params as { id: string }).id));
    if (!found) return reply.code(404).send(NOT_FOUND);
    return found.blocks.map((b) => ({
      id: b.id, request: found.id, state: b.state, start: b.start, end: b.end,
      site: 'elp', enclosure: 'doma', telescope: '1m0a', priority: 10,
    }));
  });

  app.post('/api/requestgroups/:id/cancel/', { config: { endpoint: 'cancel' } }, async (request, reply) => {
    const group = store.groups.get(Number((request.params as { id: string }).id));
    if (!group) return reply.code(404).send(NOT_FOUND);
    if (TERMINAL_STATES.includes(group.state)) return reply.code(400).send({ errors: [`Cannot cancel a request group that is ${group.state}`] });
    return groupJson(store, store.cancelGroup(group.id)!, {});
  });
}

function groupJson(store: FakeLcoStore, group: FakeGroup, submitted: Record<string, unknown>) {
  return {
    id: group.id,
    submitter: 'fake-observer',
    proposal: group.proposal,
    name: group.name,
    observation_type: group.observationType,
    operator: submitted.operator ?? 'SINGLE',
    ipp_value: submitted.ipp_value ?? 1,
    state: group.state,
    created: group.created,
    modified: new Date().toISOString(),
    requests: group.requests.map((id) => requestJson(store.requests.get(id)!)),
  };
}

function requestJson(request: FakeRequest) {
  return {
    id: request.id,
    state: request.state,
    acceptability_threshold: 90,
    configurations: request.body.configurations ?? [],
    windows: request.body.windows ?? [],
    location: request.body.location ?? {},
    observation_note: '',
    modified: new Date().toISOString(),
  };
}

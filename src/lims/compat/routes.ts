// The MxLIVE v2 integration API under /api/v2/, byte-compatible with MxDC (spec §1–§3 and the
// Lightpath decisions). Bodies are read raw whatever their Content-Type, since MxDC posts msgpack
// without one; answers are always 200 with JSON on success (D12) and {"detail"} otherwise (D11).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { isStoredId } from '../../platform/db/column-types.ts';
import { createRecordKeys } from '../../dataproxy/record-keys.ts';
import { ProjectRepository } from '../projects.ts';
import type { Project } from '../projects.ts';
import { closeSession, findSession, launchSession, sessionSeconds } from '../sessions.ts';
import { saveReport } from '../reports.ts';
import { accessListFor, accessListUsernames, recordConnections, sshKeysOf } from '../access-lists.ts';
import type { ConnectionReport } from '../access-lists.ts';
import { logActivity } from '../activity.ts';
import { humanizeSeconds } from './humanize.ts';
import { surveyKey } from '../survey/key.ts';
import { parseSshDssPublicKey, SshKeyError } from './ssh-dss.ts';
import { verifyToken } from './signed-token.ts';
import { mxdcSigned, tokenUsername, trustedNetworkOnly } from './mxdc-auth.ts';
import { createAddData } from './add-data.ts';
import { mxdcProxyKey } from './proxy-key-errors.ts';
import { cachedMxdcLookups } from './mxdc-lookups.ts';
import { SAMPLE_LIST_SCHEMA, sendSampleList } from './sample-list.ts';
import {
  jsonSafe, msgpackArray, msgpackMap, optionalId, optionalNumber, optionalString, requiredString,
} from './payloads.ts';

const NAME = /^[\w-]+$/;
const UPLOAD_LIMIT = 32 * 1024 * 1024;

type Params = { token: string; beamline: string; session: string; username: string };

export async function mxliveV2Routes(app: FastifyInstance, platform: Platform): Promise<void> {
  const { db, config } = platform;
  const projects = new ProjectRepository(db);
  const recordKeys = createRecordKeys(platform);
  const lookups = cachedMxdcLookups(db, projects);
  const signed = { access: mxdcSigned({ config, lookups }) };
  const trusted = { access: trustedNetworkOnly(config) };
  const hidden = { hide: true };

  app.decorateRequest('mxdcProject', null);
  // MxDC sends msgpack with no Content-Type, and forms; every body is taken as raw bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));

  const projectOf = (request: FastifyRequest): Project => request.mxdcProject!;
  const beamline = async (request: FastifyRequest<{ Params: Params }>) => {
    const acronym = request.params.beamline;
    const found = NAME.test(acronym) ? await lookups.beamline(acronym) : null;
    if (!found) throw notFound(`Unknown beamline "${acronym}".`);
    return found;
  };
  // A directory outside the data roots still gets a (file-less) key: it never fails MxDC (D17).
  const proxyKey = (path: string): Promise<string> => mxdcProxyKey(platform.log, path, () => recordKeys.keyFor(path));
  const addData = createAddData(platform, recordKeys);

  // UpdateUserKey (§2.4): the token must be signed with the submitted key, which proves possession.
  app.post<{ Params: Params }>('/:token/project/', { config: trusted, schema: hidden }, async (request, reply) => {
    const { token, username } = tokenUsername(request);
    const body = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
    const submitted = new URLSearchParams(body).get('public')?.trim() ?? '';
    if (submitted === '') throw badRequest('The form field "public" (an OpenSSH ssh-dss key) is required.', { public: ['required'] });
    try {
      parseSshDssPublicKey(submitted);
    } catch (error) {
      if (error instanceof SshKeyError) throw badRequest(`The key cannot be used: ${error.message}`, { public: ['not an ssh-dss public key'] });
      throw error;
    }
    const result = verifyToken(token, submitted, { username, windowSeconds: config.mxdcTokenWindowSeconds });
    if (!result.ok) throw forbidden(`Invalid signature (${result.reason}).`);
    const project = await projects.initialiseMxdcKey(username, submitted);
    if (!project) return reply.code(304).send();
    await logActivity(db, {
      projectId: project.id, userId: project.userId, address: clientAddress(request), action: 'modify',
      objectType: 'project', objectId: project.id, description: 'User Key Initialized',
    });
    return {};
  });

  app.post<{ Params: Params }>('/:token/launch/:beamline/:session/', { config: signed, schema: hidden }, async (request) => {
    const project = projectOf(request);
    const line = await beamline(request);
    const name = request.params.session;
    if (!NAME.test(name) || name.length > 100) throw notFound('Unknown session.');
    const existing = await findSession(db, project.id, line.id, name);
    const key = existing ? existing.proxy_key : await proxyKey(`${project.username}/${name}`);
    const session = await launchSession(db, {
      projectId: project.id, userId: project.userId, beamlineId: line.id, name, proxyKey: key, address: clientAddress(request), beamlineAcronym: line.acronym,
    });
    const base = config.baseUrl ?? `${request.protocol}://${request.host}`;
    return {
      session: name,
      duration: humanizeSeconds(await sessionSeconds(db, session.id)),
      survey: `${base}/users/feedback/${surveyKey(project.username, name)}/new/`,
      end_time: null,
    };
  });

  app.post<{ Params: Params }>('/:token/close/:beamline/:session/', { config: signed, schema: hidden }, async (request) => {
    const project = projectOf(request);
    const line = await beamline(request);
    const session = await findSession(db, project.id, line.id, request.params.session);
    if (!session) throw notFound('Unknown session.');
    await closeSession(db, session.id);
    return { session: session.name, duration: humanizeSeconds(await sessionSeconds(db, session.id)) };
  });

  const sampleSource = { db, kind: platform.database.kind, lookups };
  app.get<{ Params: Params }>('/:token/samples/:beamline/', { config: signed, schema: SAMPLE_LIST_SCHEMA }, async (request, reply) => (
    sendSampleList(reply, sampleSource, projectOf(request).id, await beamline(request))));

  app.post<{ Params: Params }>('/:token/data/:beamline/', { config: signed, schema: hidden, bodyLimit: UPLOAD_LIMIT }, async (request) => (
    addData(projectOf(request), await beamline(request), request.body, clientAddress(request))));

  app.post<{ Params: Params }>('/:token/report/:beamline/', { config: signed, schema: hidden, bodyLimit: UPLOAD_LIMIT }, async (request) => {
    const project = projectOf(request);
    const info = msgpackMap(request.body);
    if (!Array.isArray(info.data_id)) throw notFound('"data_id" must be a list of dataset ids.');
    const datasetIds = info.data_id.filter((v): v is number => typeof v === 'number' && isStoredId(v));
    const name = requiredString(info, 'title', 200);
    const directory = requiredString(info, 'directory', 4096);
    const kind = optionalString(info, 'kind', '', 100) || 'Data Analysis';
    const score = optionalNumber(info, 'score') || 0;
    const id = optionalId(info, 'id');
    const details = jsonSafe(info.details ?? []);
    const key = await proxyKey(directory);
    const reportId = await saveReport(db, {
      project_id: project.id, name, kind, score, proxy_key: key, details: JSON.stringify(details),
    }, { id, datasetIds, userId: project.userId, address: clientAddress(request), description: `${name} uploaded from ${request.params.beamline}` });
    return { id: reportId };
  });

  const accessList = async (request: FastifyRequest, reply: FastifyReply) => {
    const list = await accessListFor(db, clientAddress(request));
    if (request.method === 'POST') {
      const entries = msgpackArray(request.body).map(connectionReport);
      if (list) await recordConnections(db, list.id, entries);
    }
    return reply.send(list ? await accessListUsernames(db, list.id) : []);
  };
  app.get('/accesslist/', { config: trusted, schema: hidden }, accessList);
  app.post('/accesslist/', { config: trusted, schema: hidden }, accessList);

  app.get<{ Params: Params }>('/keys/:username', { config: trusted, schema: hidden }, async (request, reply) => {
    const keys = NAME.test(request.params.username) ? await sshKeysOf(db, request.params.username) : [];
    return reply.type('text/plain; charset=utf-8').send(keys.join('\n'));
  });
}

const STATUSES = new Set(['Connected', 'Disconnected', 'Failed', 'Finished']);

function connectionReport(entry: unknown, index: number): ConnectionReport {
  const record = entry as Record<string, unknown>;
  const ok = entry !== null && typeof entry === 'object' && !Array.isArray(entry)
    && typeof record.project === 'string' && typeof record.name === 'string' && record.name.length <= 48
    && typeof record.status === 'string' && STATUSES.has(record.status)
    && typeof record.date === 'string' && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(record.date) && !Number.isNaN(Date.parse(`${record.date.replace(' ', 'T')}Z`));
  if (!ok) {
    throw badRequest(`Entry ${index} must be {"project", "name", "status": Connected|Disconnected|Failed|Finished, "date": "YYYY-MM-DD HH:MM:SS"}.`);
  }
  return record as unknown as ConnectionReport;
}

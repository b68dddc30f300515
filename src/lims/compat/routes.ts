// The MxLIVE v2 integration API under /api/v2/, byte-compatible with MxDC (spec §1–§3 and the
// Lightpath decisions). Bodies are read raw whatever their Content-Type, since MxDC posts msgpack
// without one; answers are always 200 with JSON on success (D12) and {"detail"} otherwise (D11).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/context.ts';
import { badRequest, forbidden, HttpError, notFound } from '../../platform/http/errors.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { isStoredId } from '../../platform/db/column-types.ts';
import { DataProxyUnavailable } from '../../dataproxy/client.ts';
import { createRecordKeys } from '../../dataproxy/record-keys.ts';
import { ProjectRepository } from '../projects.ts';
import type { Project } from '../projects.ts';
import { activeAutomounterContainer, beamlineByAcronym } from '../beamlines.ts';
import { activeSessionOf, closeSession, findSession, launchSession, sessionSeconds } from '../sessions.ts';
import { mountableSamples } from '../project-samples.ts';
import { saveDataset } from '../datasets.ts';
import { saveReport } from '../reports.ts';
import { accessListFor, accessListUsernames, recordConnections, sshKeysOf } from '../access-lists.ts';
import type { ConnectionReport } from '../access-lists.ts';
import { logActivity } from '../activity.ts';
import { humanizeSeconds } from './humanize.ts';
import { surveyKey } from '../survey/key.ts';
import { parseSshDssPublicKey, SshKeyError } from './ssh-dss.ts';
import { verifyToken } from './signed-token.ts';
import { mxdcSigned, tokenUsername, trustedNetworkOnly } from './mxdc-auth.ts';
import {
  frameCount, jsonSafe, msgpackArray, msgpackMap, optionalId, optionalNumber, optionalString, optionalTime, requiredNumber, requiredString,
} from './payloads.ts';

const NAME = /^[\w-]+$/;
/** Keys AddData takes out of the payload; the rest is kept as meta_data (spec §3.5 step 8). */
const POPPED = ['sample_id', 'group', 'port', 'frames', 'energy', 'filename', 'exposure', 'attenuation', 'container', 'name', 'directory', 'type', 'id'];
const UPLOAD_LIMIT = 32 * 1024 * 1024;

type Params = { token: string; beamline: string; session: string; username: string };

export async function mxliveV2Routes(app: FastifyInstance, platform: Platform): Promise<void> {
  const { db, config } = platform;
  const projects = new ProjectRepository(db);
  const recordKeys = createRecordKeys(platform);
  const signed = { access: mxdcSigned({ config, projects }) };
  const trusted = { access: trustedNetworkOnly(config) };
  const hidden = { hide: true };

  app.decorateRequest('mxdcProject', null);
  // MxDC sends msgpack with no Content-Type, and forms; every body is taken as raw bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) => done(null, body));

  const projectOf = (request: FastifyRequest): Project => request.mxdcProject!;
  const beamline = async (request: FastifyRequest<{ Params: Params }>) => {
    const acronym = request.params.beamline;
    const found = NAME.test(acronym) ? await beamlineByAcronym(db, acronym) : null;
    if (!found) throw notFound(`Unknown beamline "${acronym}".`);
    return found;
  };
  // A directory outside the data roots still gets a (file-less) key: it never fails MxDC (D17).
  const proxyKey = async (path: string): Promise<string> => {
    try {
      return await recordKeys.keyFor(path);
    } catch (error) {
      if (error instanceof DataProxyUnavailable && error.status === 400) throw badRequest(`The directory cannot be used: ${error.message}`);
      if (error instanceof DataProxyUnavailable) {
        platform.log.warn({ err: error, path }, 'data proxy refused or failed');
        throw new HttpError(500, 'Unable to create SecurePath');
      }
      throw error;
    }
  };

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

  app.get<{ Params: Params }>('/:token/samples/:beamline/', { config: signed, schema: hidden }, async (request) => {
    const project = projectOf(request);
    const line = await beamline(request);
    const automounter = await activeAutomounterContainer(db, line.id);
    if (automounter === null) throw notFound(`Beamline "${line.acronym}" has no active automounter.`);
    const samples = await mountableSamples(db, project.id, automounter);
    return samples.map((s, index) => ({
      container: s.container, container_type: s.container_type, group: s.group, id: s.id, name: s.name,
      barcode: s.barcode, comments: s.comments, location: s.location, port: s.port, priority: index,
    }));
  });

  app.post<{ Params: Params }>('/:token/data/:beamline/', { config: signed, schema: hidden, bodyLimit: UPLOAD_LIMIT }, async (request) => {
    const project = projectOf(request);
    const line = await beamline(request);
    const info = msgpackMap(request.body);
    const typeName = requiredString(info, 'type', 20);
    const dataType = await db.selectFrom('data_types').select(['id', 'name']).where('acronym', '=', typeName).executeTakeFirst();
    if (!dataType) throw badRequest(`Unknown data type "${typeName}".`, { type: ['unknown data type'] });
    const energy = requiredNumber(info, 'energy');
    const directory = requiredString(info, 'directory', 4096);
    const name = requiredString(info, 'name', 200);
    const frames = optionalString(info, 'frames', '', 100000);
    const numFrames = frameCount(frames);
    const exposure = optionalNumber(info, 'exposure');
    const endTime = optionalTime(info, 'end_time') ?? new Date().toISOString();
    const startTime = optionalTime(info, 'start_time')
      ?? new Date(Date.parse(endTime) - numFrames * (exposure ?? 0) * 1000).toISOString(); // D7
    const sampleId = optionalId(info, 'sample_id');
    const fields = {
      attenuation: optionalNumber(info, 'attenuation') ?? 0,
      beamSize: optionalNumber(info, 'beam_size'),
      fileName: optionalString(info, 'filename', '', 200),
      id: optionalId(info, 'id'),
    };
    const sample = sampleId === null ? undefined : await db.selectFrom('samples').select(['id', 'group_id'])
      .where('id', '=', sampleId).where('project_id', '=', project.id).executeTakeFirst();
    const active = await activeSessionOf(db, line.id);
    const key = await proxyKey(directory);
    const metaData = jsonSafe(Object.fromEntries(Object.entries(info).filter(([k]) => !POPPED.includes(k))));
    const id = await saveDataset(db, {
      project_id: project.id, beamline_id: line.id, session_id: active && active.project_id === project.id ? active.id : null,
      sample_id: sample?.id ?? null, group_id: sample?.group_id ?? null, data_type_id: dataType.id,
      name, file_name: fields.fileName, frames, num_frames: numFrames, frames_per_file: 1, exposure_time: exposure,
      attenuation: fields.attenuation, energy, beam_size: fields.beamSize, proxy_key: key,
      meta_data: JSON.stringify(metaData), start_time: startTime, end_time: endTime,
    }, { id: fields.id, userId: project.userId, address: clientAddress(request), description: `${dataType.name} uploaded from ${line.acronym}` });
    return { id };
  });

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

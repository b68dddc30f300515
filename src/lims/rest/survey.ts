// /feedback/{key}: the post-session survey MxDC opens without a login (the link LaunchSession
// hands it). The key names the session; no cookie is needed, so a write needs no CSRF token.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { anyone } from '../../platform/http/rest-schemas.ts';
import { submitFeedback, surveyOf } from '../survey/feedback.ts';
import { guardedSessionOfKey } from '../survey/key-guard.ts';
import { FeedbackRules, Rating } from '../survey/rules.ts';
import { ErrorOut, Id, Nullable, Timestamp } from './common.ts';

const KeyParams = Type.Object({
  key: Type.String({ minLength: 1, maxLength: 1000, description: 'The key in the survey link: "username:session" in URL-safe base64.' }),
}, { additionalProperties: false });

const SurveyOut = Type.Object({
  session: Type.String({ description: 'The session\'s name.' }),
  beamline: Type.String({ description: 'The beamline\'s acronym.' }),
  beamline_name: Type.String(),
  project: Type.String({ description: 'The project\'s (owner\'s) username.' }),
  started_at: Nullable(Timestamp),
  ended_at: Type.Union([Timestamp, Type.Null()], { description: 'null while the session is running.' }),
  areas: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), description: Type.String() }), { description: 'The active support areas, in survey order.' }),
  submitted: Type.Boolean({ description: 'Feedback was already given (only once per session).' }),
  submitted_at: Nullable(Timestamp),
}, { $id: 'Survey' });

const FeedbackIn = Type.Object({
  ratings: Type.Optional(Type.Array(Type.Object({ area_id: Id, rating: Rating }, { additionalProperties: false }), {
    maxItems: 200, description: 'One entry per rated area; areas left out are not rated.',
  })),
  comments: Type.Optional(FeedbackRules.comments),
  contact: Type.Optional(FeedbackRules.contact),
}, { additionalProperties: false });

const FeedbackCreated = Type.Object({
  id: Type.Integer(),
  session: Type.String(),
  beamline: Type.String(),
  comments: Type.String(),
  contact: Type.Boolean(),
  created_at: Timestamp,
  ratings: Type.Array(Type.Object({ area_id: Type.Integer(), area: Type.String(), rating: Rating })),
});

export async function surveyRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = platform;
  const tags = ['survey'];

  app.get('/feedback/:key', {
    config: anyone,
    schema: {
      tags, summary: 'The survey of a session, by the key in its survey link (no login needed)',
      params: KeyParams, response: { 200: SurveyOut, 400: ErrorOut, 404: ErrorOut, 429: ErrorOut },
    },
  }, async (request) => surveyOf(db, await guardedSessionOfKey(request, platform, request.params.key)));

  app.post('/feedback/:key', {
    config: anyone,
    schema: {
      tags, summary: 'Answer the survey of a session: ratings per support area, comments, contact consent (once per session; no login needed)',
      params: KeyParams, body: FeedbackIn,
      response: { 201: FeedbackCreated, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 429: ErrorOut },
    },
  }, async (request, reply) => {
    const session = await guardedSessionOfKey(request, platform, request.params.key);
    return reply.code(201).send(await submitFeedback(db, session, request.body));
  });
}

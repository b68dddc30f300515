// /target-form: what a target form needs to show only the right fields, as tom_education's target
// pages got it (their base_fields and scheme_fields): the elements each orbital scheme uses, and
// the declared extra fields with their types. The server still checks every value it is sent.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../platform/context.ts';
import { declaredExtraFields, SCHEME_ELEMENTS } from '../targets.ts';
import { anyone } from './common.ts';

const TargetFormOut = Type.Object({
  schemes: Type.Record(Type.String(), Type.Array(Type.String()), { description: 'Each orbital scheme and the elements it uses.' }),
  extra_fields: Type.Array(Type.Object({
    name: Type.String(),
    type: Type.Union(['string', 'number', 'boolean', 'datetime'].map((t) => Type.Literal(t))),
  })),
});

export async function targetFormRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.get('/target-form', {
    config: anyone,
    schema: { tags: ['targets'], summary: 'The orbital schemes with their elements, and the declared extra fields', response: { 200: TargetFormOut } },
  }, async () => ({
    schemes: Object.fromEntries(Object.entries(SCHEME_ELEMENTS).map(([scheme, elements]) => [scheme, [...elements]])),
    extra_fields: (await declaredExtraFields(platform.db, platform.config.tom)).map((f) => ({ name: f.name, type: f.type })),
  }));
}

// What the login and "no access yet" pages ask the server: which ways of signing in are offered,
// and who this browser signed in as at the provider when the mapping gave them nothing.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Platform } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { ErrorOut } from '../schemas.ts';
import { OIDC_COOKIE, OidcSignIns } from './oidc-sign-ins.ts';
import { OIDC_LOGIN_PATH, OIDC_SIGN_OUT_PATH } from './oidc-routes.ts';

const tags = ['accounts'];
const publicRoute = { access: { allow: 'public' as const } };

const SignInOptionsOut = Type.Object({
  local_form: Type.Boolean({ description: 'Whether the login page shows the username and password form' }),
  oidc: Type.Union([
    Type.Object({
      label: Type.String({ description: 'The button\'s text, "Sign in with <facility>"' }),
      login_url: Type.String({ description: 'Where the browser goes to sign in (add ?next=<path> to come back there)' }),
    }),
    Type.Null(),
  ], { description: 'Signing in through the facility\'s identity provider, when configured' }),
});

const NoAccessOut = Type.Object({
  username: Type.String({ description: 'Who the identity provider said signed in' }),
  detail: Type.String({ description: 'Why there is no access yet' }),
  contact: Type.Union([Type.String(), Type.Null()], { description: 'Who to ask for access (LIGHTPATH_OIDC_ACCESS_CONTACT)' }),
  sign_out_url: Type.String({ description: 'Signs out at the identity provider too' }),
});

export async function signInOptionRoutes(instance: FastifyInstance, platform: Platform): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const oidc = platform.config.oidc;
  const signIns = new OidcSignIns(platform.db);

  app.get('/auth/sign-in-options', {
    config: publicRoute,
    schema: { tags, summary: 'How people sign in here: the local form, the facility\'s identity provider, or both', response: { 200: SignInOptionsOut } },
  }, async () => ({
    local_form: !(oidc?.hideLocalForm ?? false),
    oidc: oidc ? { label: `Sign in with ${oidc.displayName}`, login_url: OIDC_LOGIN_PATH } : null,
  }));

  app.get('/auth/oidc/no-access', {
    config: publicRoute,
    schema: {
      tags, summary: 'Who this browser signed in as at the identity provider, when that account has no access here yet',
      response: { 200: NoAccessOut, 404: ErrorOut },
    },
  }, async (request) => {
    const cookie = request.cookies[OIDC_COOKIE];
    const refused = cookie ? await signIns.refused(cookie) : null;
    if (!refused) throw notFound('No sign-in without access is waiting in this browser.');
    return { username: refused.username ?? '', detail: refused.detail ?? '', contact: oidc?.accessContact ?? null, sign_out_url: OIDC_SIGN_OUT_PATH };
  });
}

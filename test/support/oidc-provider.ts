// A real OpenID Connect provider (the `oidc-provider` package) on loopback, for sign-in tests. Its
// development login page accepts any password; people are the accounts given (their groups can be
// changed between sign-ins). Consent is assumed, as for a facility's own first-party client.
// `tamper` rewrites the next ID tokens the token endpoint hands out (re-signed with the provider's
// own key), to show that Lightpath refuses a wrong nonce, audience or expiry.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { SignJWT, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import type { JWTPayload } from 'jose';

export interface ProviderAccount {
  name?: string;
  email?: string;
  groups: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People who can sign in, by username (also their subject); change them between sign-ins. */
  accounts: Map<string, ProviderAccount>;
  /** Registers Lightpath at this origin as the client (its callback and post-logout addresses). */
  allowClient(origin: string): void;
  /** Rewrites the claims of the ID tokens issued from now on; null stops it. */
  tamper: ((claims: JWTPayload) => JWTPayload) | null;
  /** Stops answering (connections refused), as a provider that is down. */
  stop(): Promise<void>;
}

export async function startOidcProvider(options: { accounts?: Record<string, ProviderAccount> } = {}): Promise<TestOidcProvider> {
  let handler: http.RequestListener | null = null;
  const server = http.createServer((request, response) => {
    if (handler) return handler(request, response);
    response.writeHead(503).end('no client registered yet');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

  const state: TestOidcProvider = {
    issuer,
    clientId: 'lightpath',
    clientSecret: 'lightpath-client-secret-for-tests',
    accounts: new Map(Object.entries(options.accounts ?? {})),
    tamper: null,
    allowClient(origin: string) {
      const provider = new Provider(issuer, {
        clients: [{
          client_id: state.clientId, client_secret: state.clientSecret,
          redirect_uris: [`${origin}/auth/oidc/callback`], post_logout_redirect_uris: [`${origin}/login/`],
          grant_types: ['authorization_code'], response_types: ['code'],
        }],
        jwks: { keys: [signingKey] },
        cookies: { keys: ['test-cookie-key'] },
        scopes: ['openid', 'profile', 'email', 'groups'],
        claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'], groups: ['groups'] },
        features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
        pkce: { required: () => true },
        findAccount: async (_ctx, id) => {
          const account = state.accounts.get(id);
          if (!account) return undefined;
          return {
            accountId: id,
            claims: async () => ({ sub: id, preferred_username: id, name: account.name, email: account.email, groups: account.groups }),
          };
        },
        loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
          const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
          grant.addOIDCScope('openid profile email groups');
          await grant.save();
          return grant;
        },
      });
      provider.use(async (ctx, next) => {
        await next();
        const body = ctx.body as { id_token?: string } | undefined;
        if (ctx.path === '/token' && state.tamper && body?.id_token) {
          ctx.body = { ...body, id_token: await resign(body.id_token, state.tamper, privateKey) };
        }
      });
      handler = provider.callback();
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

async function resign(idToken: string, change: (claims: JWTPayload) => JWTPayload, key: CryptoKey): Promise<string> {
  const header = decodeProtectedHeader(idToken);
  return new SignJWT(change(decodeJwt(idToken))).setProtectedHeader({ alg: header.alg!, kid: header.kid, typ: header.typ }).sign(key);
}

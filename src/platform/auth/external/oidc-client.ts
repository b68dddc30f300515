// The facility's OpenID Connect provider as openid-client sees it: its discovery document, read
// once and kept for a while (a provider that was down is asked again at the next sign-in).
import * as client from 'openid-client';
import type { OidcConfig } from './oidc-config.ts';
import { isLoopback } from './oidc-config.ts';

/** The provider could not be reached, or answered its discovery request with something unusable. */
export class OidcProviderError extends Error {}

const KEEP_DISCOVERY_MS = 10 * 60_000;
const REQUEST_TIMEOUT_SECONDS = 10;

const discovered = new WeakMap<OidcConfig, { at: number; configuration: Promise<client.Configuration> }>();

/** The provider's configuration for this client, from its discovery document (cached). */
export function providerConfiguration(config: OidcConfig): Promise<client.Configuration> {
  const cached = discovered.get(config);
  if (cached && Date.now() - cached.at < KEEP_DISCOVERY_MS) return cached.configuration;
  const configuration = discover(config);
  discovered.set(config, { at: Date.now(), configuration });
  configuration.catch(() => discovered.delete(config));
  return configuration;
}

async function discover(config: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(config.issuer);
  const authentication = config.clientSecret === '' ? client.None() : client.ClientSecretBasic(config.clientSecret);
  try {
    return await client.discovery(issuer, config.clientId, undefined, authentication, {
      timeout: REQUEST_TIMEOUT_SECONDS,
      // Plain http only where the settings allow it: a provider on this machine.
      execute: issuer.protocol === 'http:' && isLoopback(issuer) ? [client.allowInsecureRequests] : [],
    });
  } catch (error) {
    throw new OidcProviderError(`the identity provider at ${config.issuer} did not answer its discovery request (${describe(error)})`);
  }
}

/** One line on what went wrong, with the network cause when there is one. */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Response) return `${error.message}: HTTP ${cause.status} from ${cause.url}`;
  const code = cause instanceof Error ? (cause as NodeJS.ErrnoException).code ?? cause.message : undefined;
  return code ? `${error.message}: ${code}` : error.message;
}

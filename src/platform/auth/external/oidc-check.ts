// `lightpath doctor`'s look at OpenID Connect sign-in: the provider's discovery document is read
// as a sign-in would read it, and the settings are compared with what it offers.
import type { DoctorCheck, Finding } from '../../doctor/finding.ts';
import { error, ok, skipped, warning } from '../../doctor/finding.ts';
import type { Config } from '../../../config.ts';
import { providerConfiguration } from './oidc-client.ts';

export async function checkOidc(config: Config): Promise<Finding[]> {
  const oidc = config.oidc;
  if (!oidc) return [skipped('LIGHTPATH_OIDC_ISSUER is not set: no sign-in through an identity provider')];
  const findings: Finding[] = [];
  let metadata;
  try {
    metadata = (await providerConfiguration(oidc)).serverMetadata();
  } catch (problem) {
    return [error((problem as Error).message,
      'correct LIGHTPATH_OIDC_ISSUER (for Keycloak https://<host>/realms/<realm>), start the provider, or make this machine trust its certificate')];
  }
  findings.push(ok(`the identity provider at ${oidc.issuer} answers its discovery request`));
  const offered = metadata.scopes_supported;
  const missing = offered ? oidc.scopes.split(' ').filter((scope) => !offered.includes(scope)) : [];
  if (missing.length > 0) {
    findings.push(error(`the provider does not offer the scope(s) ${missing.join(', ')} that LIGHTPATH_OIDC_SCOPES asks for: sign-ins would be refused`,
      `remove them from LIGHTPATH_OIDC_SCOPES, or create them at the provider (it offers ${offered!.join(', ')})`));
  }
  if (!metadata.end_session_endpoint) {
    findings.push(warning('the provider names no end-session endpoint: logging out of Lightpath leaves people signed in at the provider',
      'nothing to do if that is acceptable; otherwise enable RP-initiated logout at the provider'));
  }
  if (config.baseUrl === null) {
    findings.push(warning('LIGHTPATH_BASE_URL is not set: the redirect URI sent to the provider is built from each request\'s address',
      'set LIGHTPATH_BASE_URL to the public URL, and register <it>/auth/oidc/callback at the provider'));
  }
  return findings;
}

export const oidcCheck: DoctorCheck = {
  name: 'oidc',
  run: ({ config }) => checkOidc(config),
};

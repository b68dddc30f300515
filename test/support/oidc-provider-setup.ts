// Lightpath set up against the test OpenID provider: its settings, and the mapping the sign-in
// tests use (mx-users get their own beamline project, beamline-staff are staff).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { TestServer } from '../helpers/platform.ts';
import { loadFile } from '../../src/loader/load-file.ts';
import { loadSections } from '../../src/modules.ts';
import type { TestOidcProvider } from './oidc-provider.ts';

export function oidcEnv(idp: TestOidcProvider, extra: Record<string, string> = {}): Record<string, string> {
  return {
    LIGHTPATH_OIDC_ISSUER: idp.issuer,
    LIGHTPATH_OIDC_CLIENT_ID: idp.clientId,
    LIGHTPATH_OIDC_CLIENT_SECRET: idp.clientSecret,
    LIGHTPATH_OIDC_SCOPES: 'openid profile email groups',
    LIGHTPATH_OIDC_DISPLAY_NAME: 'Test Facility',
    ...extra,
  };
}

export async function loadMapping(server: TestServer): Promise<void> {
  const file = path.join(server.database.dataDir, 'identity-mapping.yaml');
  await fs.writeFile(file, 'identity_mapping:\n  - { group: mx-users, grants: project }\n  - { group: beamline-staff, grants: staff }\n');
  await loadFile(server.platform, file, loadSections);
}

// Access rules of the MxLIVE v2 API, applied through the one access policy:
// - the trusted-network gate: every /api/v2/ route answers 404 to addresses outside
//   LIGHTPATH_TRUSTED_NETWORKS (decision D16: this API only);
// - signed URLs: the token in the path must be signed with the project's registered key, with
//   the legacy status codes (D1): 404 unknown user, 400 no key registered, 403 bad or stale token.
import type { KeyObject } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import type { Access } from '../../platform/auth/policy.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { addressInList } from '../../platform/http/networks.ts';
import { HttpError, forbidden, notFound } from '../../platform/http/errors.ts';
import type { Project } from '../projects.ts';
import type { MxdcLookups } from './mxdc-lookups.ts';
import { parseSshDssPublicKey, SshKeyError } from './ssh-dss.ts';
import { usernameFromToken, verifyTokenOffThread } from './signed-token.ts';

declare module 'fastify' {
  interface FastifyRequest {
    mxdcProject: Project | null;
  }
}

export interface MxdcAuthDependencies {
  config: Config;
  lookups: Pick<MxdcLookups, 'project'>;
}

export function requireTrustedNetwork(request: FastifyRequest, config: Config): void {
  if (!addressInList(clientAddress(request), config.trustedNetworks)) throw notFound();
}

/**
 * Each project's parsed key, kept while its text stays the same: parsing the DER on every request
 * would cost more than verifying. A new key replaces the old one at once.
 */
class KeyCache {
  private readonly keys = new Map<string, { text: string; key: KeyObject }>();

  get(username: string, text: string): KeyObject {
    const kept = this.keys.get(username);
    if (kept?.text === text) return kept.key;
    const key = parseSshDssPublicKey(text);
    if (!kept && this.keys.size >= 1000) this.keys.delete(this.keys.keys().next().value!);
    this.keys.set(username, { text, key });
    return key;
  }
}

export function trustedNetworkOnly(config: Config): Access {
  return { allow: 'custom', check: (request) => requireTrustedNetwork(request, config) };
}

/** The token's username, or a 403 when the path segment is not a token at all (D2). */
export function tokenUsername(request: FastifyRequest): { token: string; username: string } {
  const token = (request.params as { token?: string }).token ?? '';
  const username = usernameFromToken(token);
  if (!username) throw forbidden('Malformed signature.');
  return { token, username };
}

export function mxdcSigned(deps: MxdcAuthDependencies): Access {
  const keys = new KeyCache();
  return {
    allow: 'custom',
    async check(request) {
      requireTrustedNetwork(request, deps.config);
      const { token, username } = tokenUsername(request);
      const project = await deps.lookups.project(username);
      if (!project || !project.isActive) throw notFound('Unknown user.');
      if (project.mxdcKey === '') throw new HttpError(400, 'No key is registered for this user: register one first.');
      let key: KeyObject;
      try {
        key = keys.get(project.username, project.mxdcKey);
      } catch (error) {
        if (error instanceof SshKeyError) throw forbidden('The registered key cannot be used; ask staff to reset it.');
        throw error;
      }
      const result = await verifyTokenOffThread(token, key, { username, windowSeconds: deps.config.mxdcTokenWindowSeconds });
      if (!result.ok) throw forbidden(`Invalid signature (${result.reason}).`);
      request.mxdcProject = project;
      request.principal = {
        kind: 'user', via: 'mxdc',
        user: { id: project.userId, username: project.username, fullName: project.fullName, email: project.email, isStaff: false, isActive: true },
      };
    },
  };
}

// The mapping from what the directory or identity provider says about a person (groups,
// attributes) to what they get in Lightpath: staff, a beamline project, a telescope group.
// Rules are declared in a load file (`identity_mapping:`) and kept in the database, so every
// server of a scaled-out facility maps the same way.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { IdentityRulesTable, LinkKind } from './tables.ts';
import type { ExternalIdentity } from './sign-in.ts';

export type IdentityRule = Omit<Selectable<IdentityRulesTable>, 'id'>;

/** One thing a person was granted, named as external_links names it. */
export interface Grant {
  kind: LinkKind;
  name: string;
}

export async function readIdentityRules(db: Db): Promise<IdentityRule[]> {
  const rows = await db.selectFrom('identity_rules').selectAll().orderBy('id').execute();
  return rows.map(({ id: _id, ...rule }) => rule);
}

/** What the rules grant this person; the project is named by their username (MxLIVE's project = the account). */
export function grantsFor(rules: IdentityRule[], identity: ExternalIdentity): Grant[] {
  const grants = new Map<string, Grant>();
  for (const rule of rules) {
    if (rule.source !== 'any' && rule.source !== identity.source) continue;
    if (!ruleMatches(rule, identity)) continue;
    const name = rule.grants === 'project' ? identity.username : rule.grants === 'staff' ? 'staff' : rule.telescope_group ?? 'telescope';
    grants.set(`${rule.grants}\u0000${name}`, { kind: rule.grants, name });
  }
  return [...grants.values()];
}

function ruleMatches(rule: IdentityRule, identity: ExternalIdentity): boolean {
  if (rule.match_group !== null) return identity.groups.some((group) => sameGroup(rule.match_group!, group));
  if (rule.match_attribute !== null) {
    const held = identity.attributes?.[rule.match_attribute];
    const values = (Array.isArray(held) ? held : held === undefined || held === null ? [] : [held]).map(String);
    return rule.match_value === null ? values.some((v) => v !== '') : values.includes(rule.match_value);
  }
  return false;
}

/**
 * A rule's group matches a group the person holds when both name the same DN (compared as LDAP
 * does: case and spaces around separators ignored), or when the rule gives a bare name ("mx-users")
 * and it is the group's own name: the first RDN's value of a DN, or the whole OIDC group name
 * (a leading "/" of Keycloak's group paths ignored).
 */
export function sameGroup(ruleGroup: string, held: string): boolean {
  const wanted = normaliseDn(ruleGroup);
  const have = normaliseDn(held);
  if (wanted === have) return true;
  if (wanted.includes('=')) return false;
  const own = have.includes('=') ? have.split(',')[0].split('=').slice(1).join('=') : have.replace(/^\//, '');
  return own === wanted.replace(/^\//, '');
}

function normaliseDn(dn: string): string {
  return dn.trim().toLowerCase().replace(/\s*([,=])\s*/g, '$1');
}

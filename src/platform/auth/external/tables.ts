// Tables of external sign-in (migration 0015): what the mapping granted each person, and the mapping.
import type { Generated } from 'kysely';

export type LinkKind = 'staff' | 'project' | 'telescope';

export interface ExternalLinksTable {
  user_id: number;
  kind: LinkKind;
  /** The project's username, the telescope group's name, or 'staff'. */
  name: string;
  created_at: string;
}

export interface IdentityRulesTable {
  id: Generated<number>;
  /** Which sign-in the rule applies to: 'ldap', 'oidc' or 'any'. */
  source: 'ldap' | 'oidc' | 'any';
  /** Matches when the person is in this group (an LDAP group DN or cn, an OIDC groups claim value). */
  match_group: string | null;
  /** Or matches when this attribute (claim) holds match_value (or any value when match_value is null). */
  match_attribute: string | null;
  match_value: string | null;
  grants: LinkKind;
  /** The telescope group named, for grants = 'telescope'. */
  telescope_group: string | null;
}

export interface ExternalIdentityTables {
  external_links: ExternalLinksTable;
  identity_rules: IdentityRulesTable;
}

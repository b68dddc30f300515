// `identity_mapping:` in a load file: the whole mapping from directory groups and attributes to
// staff, beamline projects and telescope groups. The list replaces the mapping held before, so a
// rule deleted from the file stops granting anything (at each person's next sign-in).
import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import type { LoadSection } from '../../../loader/section.ts';
import { LoadError } from '../../../loader/load-file.ts';
import { refuseRepeats } from '../../../loader/repeats.ts';
import type { IdentityRule } from './identity-rules.ts';
import { readIdentityRules } from './identity-rules.ts';

const common = {
  source: Type.Optional(Type.Union([Type.Literal('ldap'), Type.Literal('oidc'), Type.Literal('any')], { description: 'which sign-in the rule is for (default any)' })),
  grants: Type.Union([Type.Literal('staff'), Type.Literal('project'), Type.Literal('telescope')]),
  telescope_group: Type.Optional(Type.String({ pattern: '^[\\w.@+-]{1,150}$' })),
};

const RuleEntry = Type.Union([
  Type.Object({ group: Type.String({ minLength: 1, maxLength: 1000 }), ...common }, { additionalProperties: false }),
  Type.Object({
    attribute: Type.String({ minLength: 1, maxLength: 200 }),
    value: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
    ...common,
  }, { additionalProperties: false }),
]);

const Section = Type.Array(RuleEntry);
type RuleSpec = Static<typeof RuleEntry>;

/** The rule an entry declares, checked: a telescope rule names its group, other rules none. */
function toRule(entry: RuleSpec): IdentityRule {
  const rule: IdentityRule = {
    source: entry.source ?? 'any',
    match_group: 'group' in entry ? entry.group : null,
    match_attribute: 'attribute' in entry ? entry.attribute : null,
    match_value: 'attribute' in entry ? entry.value ?? null : null,
    grants: entry.grants,
    telescope_group: entry.telescope_group ?? null,
  };
  if (rule.grants === 'telescope' && rule.telescope_group === null) throw new LoadError(`identity_mapping: a telescope rule needs telescope_group (${describe(rule)})`);
  if (rule.grants !== 'telescope' && rule.telescope_group !== null) throw new LoadError(`identity_mapping: telescope_group belongs to telescope rules only (${describe(rule)})`);
  return rule;
}

/** A rule in words, as the load report names it ("group mx-users → project"). */
function describe(rule: IdentityRule): string {
  const when = rule.match_group !== null ? `group ${rule.match_group}` : `attribute ${rule.match_attribute}${rule.match_value !== null ? `=${rule.match_value}` : ''}`;
  const what = rule.grants === 'telescope' ? `telescope group ${rule.telescope_group}` : rule.grants;
  return `${when} → ${what}${rule.source !== 'any' ? ` (${rule.source})` : ''}`;
}

export const identityMappingSection: LoadSection<RuleSpec[]> = {
  key: 'identity_mapping',
  schema: Section,
  async apply(entries, { db, report }) {
    const wanted = entries.map(toRule);
    refuseRepeats(wanted, describe, (rule) => `identity_mapping: the rule "${describe(rule)}" is listed twice`);
    const held = await readIdentityRules(db);
    const heldNames = new Set(held.map(describe));
    const wantedNames = new Set(wanted.map(describe));
    for (const rule of wanted) report.add('identity rule', describe(rule), heldNames.has(describe(rule)) ? 'unchanged' : 'created');
    for (const rule of held.filter((r) => !wantedNames.has(describe(r)))) report.add('identity rule', describe(rule), 'updated', ['removed']);
    if (heldNames.size === wantedNames.size && [...wantedNames].every((name) => heldNames.has(name))) return;
    await db.deleteFrom('identity_rules').execute();
    if (wanted.length > 0) await db.insertInto('identity_rules').values(wanted).execute();
  },
};

// Checking fields that did not come through a JSON body (CSV cells) against the rules of
// field-rules.ts, with one plain message per bad field.
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** A value as a message shows it: long text by its length only. */
export function shown(value: unknown): string {
  return typeof value === 'string' && value.length > 60 ? `(${value.length} characters)` : JSON.stringify(value);
}

/**
 * One message per field that breaks its rule, e.g. `comments (200000 characters) must be at most
 * 10000 characters`. Fields left undefined are not checked. Text may not hold NUL characters,
 * as in JSON bodies (PostgreSQL cannot store them).
 */
export function fieldProblems(rules: Record<string, TSchema>, fields: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'string' && value.includes('\u0000')) problems.push(`${field} contains a NUL character`);
    else if (!Value.Check(rules[field], value)) problems.push(`${field} ${shown(value)} must be ${rules[field].description ?? 'valid'}`);
  }
  return problems;
}

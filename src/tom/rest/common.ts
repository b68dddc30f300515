// Pieces the telescope-side REST routes share: access rules, the error shape, id parameters and
// the paged-list query and answer.

export { anyone, user, Id, IdParams, ErrorOut, errors, Nullable, Timestamp, ListQuery, Page, fetchPage } from '../../platform/http/rest-schemas.ts';
export { isUniqueViolation } from '../../platform/db/unique-violation.ts';

/** LIKE pattern matching `text` literally (wildcards in user input are escaped with "\"). */
export function likeContaining(text: string, prefixOnly = false): string {
  const escaped = text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
  return prefixOnly ? `${escaped}%` : `%${escaped}%`;
}

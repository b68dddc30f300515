// Pieces the telescope-side REST routes share: access rules, the error shape, id parameters and
// the paged-list query and answer.

export { anyone, user, Id, IdParams, ErrorOut, errors, Nullable, Timestamp, ListQuery, Page, fetchPage } from '../../platform/http/rest-schemas.ts';
export { isUniqueViolation } from '../../platform/db/unique-violation.ts';
export { likeContaining } from '../../platform/http/text-search.ts';

// The rules for survey fields, written once for the REST API and `lightpath load` files. Each
// description says the rule in words, to follow "must be".
import { Type } from '@sinclair/typebox';

export const SupportAreaRules = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', description: '1 to 200 characters, not only spaces' }),
  description: Type.String({ maxLength: 2000, description: 'at most 2000 characters' }),
  active: Type.Boolean({ description: 'true or false; only active areas are on the survey' }),
  sort_order: Type.Integer({ minimum: -1000000, maximum: 1000000, description: 'a whole number from -1000000 to 1000000; the survey lists areas by it, then by name' }),
};

/** A new area, as the REST API and load files take it. */
export const SupportAreaEntry = Type.Object({
  name: SupportAreaRules.name,
  description: Type.Optional(SupportAreaRules.description),
  active: Type.Optional(SupportAreaRules.active),
  sort_order: Type.Optional(SupportAreaRules.sort_order),
}, { additionalProperties: false });

/** A rating as the API speaks it (stored with N/A as 0, see tables.ts). */
export const Rating = Type.Union([
  Type.Integer({ minimum: -2, maximum: 2, description: 'From -2 (worst) to 2 (best) with no middle: -2, -1, 1 or 2. 0 is refused.' }),
  Type.Null({ description: 'N/A' }),
]);

export const FeedbackRules = {
  comments: Type.String({ maxLength: 10000, description: 'at most 10000 characters' }),
  contact: Type.Boolean({ description: 'true when the user would like to be contacted about the session' }),
};

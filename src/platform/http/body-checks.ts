// Checks every parsed request body passes before route code sees it:
// - nesting depth: code that walks a body recursively (checks, echoes, serialisers) would overflow
//   the stack on thousands of levels, so bodies are measured first, without recursion;
// - NUL characters: PostgreSQL text cannot hold them, so refusing them here keeps both databases
//   alike and turns a database error into a 400 naming the field.
import { badRequest } from './errors.ts';

export const MAX_NESTING = 64;

const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The deepest array/object nesting in JSON text (brackets inside strings do not count); stops counting past the limit. */
export function jsonTextDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === BACKSLASH) i++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (depth > MAX_NESTING) return depth;
    } else if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      depth--;
    }
  }
  return deepest;
}

const tooDeep = (format: string) => badRequest(`${format} nested deeper than ${MAX_NESTING} levels.`);

/** Refuses JSON text nested too deeply, before it is parsed. */
export function refuseDeepJson(text: string): void {
  if (jsonTextDepth(text) > MAX_NESTING) throw tooDeep('JSON');
}

function nulCharacter(path: string[]) {
  const field = path.join('.') || 'non_field_errors';
  return badRequest(`Text may not contain NUL characters (${field}).`, { [field]: ['contains a NUL character'] });
}

/**
 * Walks a decoded body with an explicit stack: refuses nesting deeper than MAX_NESTING and any
 * text (values or keys) holding a NUL character. Bytes (msgpack bin) are data and may hold anything.
 */
export function checkBodyValue(value: unknown, format: string, options: { depth: boolean } = { depth: true }): void {
  const pending: Array<{ item: unknown; path: string[] }> = [{ item: value, path: [] }];
  while (pending.length > 0) {
    const { item, path } = pending.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) throw nulCharacter(path);
      continue;
    }
    if (item === null || typeof item !== 'object' || ArrayBuffer.isView(item)) continue;
    if (options.depth && path.length >= MAX_NESTING) throw tooDeep(format);
    for (const [key, child] of Object.entries(item)) {
      if (key.includes('\u0000')) throw nulCharacter([...path, key]);
      pending.push({ item: child, path: [...path, key] });
    }
  }
}

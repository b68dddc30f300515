// How deeply a request body may nest. Code that walks a parsed body recursively (checks, echoes,
// serialisers) would overflow the stack on thousands of levels, so bodies are measured here —
// without recursion — before anything else sees them.
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

/** The deepest array/object nesting of an already decoded value (msgpack), walked with an explicit stack. */
export function valueDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object' || ArrayBuffer.isView(item)) continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (here > MAX_NESTING) return here;
    for (const child of Object.values(item)) pending.push([child, here]);
  }
  return deepest;
}

function tooDeep(kind: string) {
  return badRequest(`${kind} nested deeper than ${MAX_NESTING} levels.`);
}

export function refuseDeepJson(text: string): void {
  if (jsonTextDepth(text) > MAX_NESTING) throw tooDeep('JSON');
}

export function refuseDeepValue(value: unknown, kind: string): void {
  if (valueDepth(value) > MAX_NESTING) throw tooDeep(kind);
}

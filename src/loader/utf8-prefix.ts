// Where text stops being UTF-8: CSV import and load files refuse such bytes (rather than store
// U+FFFD) and say where the first one is, counted in the text before it.

/** The longest prefix that is UTF-8 (a sequence cut short at its end is left out), as text. */
export function utf8Prefix(bytes: Uint8Array): string {
  const decodes = (length: number) => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    } catch {
      return null;
    }
  };
  // Every prefix of a valid prefix is valid, so the boundary can be found by halving.
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (decodes(middle) === null) bad = middle;
    else good = middle;
  }
  return decodes(good) ?? '';
}

// Post-processing of the SvelteKit bundle in web/build, after `vite build`:
// - the fallback page's one inline bootstrap script becomes a file under _app/immutable/, loaded
//   by a classic <script src> in its place, so pages run under a CSP that forbids inline script
//   (classic, not a module: the bootstrap reads document.currentScript);
// - text assets get .gz and .br siblings, which the server hands to clients that accept them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { filesUnder } from './files-under.js';

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const HAS_SRC = /(^|\s)src\s*=/i;
const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg', '.json']);

/** Moves the page's inline script to a file; returns the script's URL path. */
export function externalizeBootScript(buildDir, pageName = 'index.html') {
  const pagePath = path.join(buildDir, pageName);
  const html = fs.readFileSync(pagePath, 'utf8');
  const inline = [...html.matchAll(SCRIPT_TAG)].filter((match) => !HAS_SRC.test(match[1]));
  if (inline.length !== 1) {
    throw new Error(`${pageName} has ${inline.length} inline scripts; exactly one (SvelteKit's bootstrap) was expected`);
  }
  const [tag, , text] = inline[0];
  const name = `boot-${crypto.createHash('sha256').update(text).digest('hex').slice(0, 16)}.js`;
  fs.mkdirSync(path.join(buildDir, '_app', 'immutable'), { recursive: true });
  fs.writeFileSync(path.join(buildDir, '_app', 'immutable', name), text);
  const url = `/_app/immutable/${name}`;
  // A function as replacement: "$" in the text must not be read as a replacement pattern.
  fs.writeFileSync(pagePath, html.replace(tag, () => `<script src="${url}"></script>`));
  return url;
}

/** Writes gzip and brotli siblings of the text assets, where they are smaller; returns how many files got them. */
export function compressAssets(buildDir) {
  let count = 0;
  for (const file of filesUnder(buildDir)) {
    if (!COMPRESSIBLE.has(path.extname(file).toLowerCase())) continue;
    const original = fs.readFileSync(file);
    const gzip = zlib.gzipSync(original, { level: 9 });
    const brotli = zlib.brotliCompressSync(original, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: original.length,
      },
    });
    let wrote = false;
    for (const [suffix, bytes] of [['.gz', gzip], ['.br', brotli]]) {
      if (bytes.length >= original.length) continue;
      fs.writeFileSync(file + suffix, bytes);
      wrote = true;
    }
    if (wrote) count += 1;
  }
  return count;
}

/** Everything done to a fresh bundle before it is served. */
export function postprocessBundle(buildDir) {
  const bootScript = externalizeBootScript(buildDir);
  const compressed = compressAssets(buildDir);
  return { bootScript, compressed };
}

// The nginx configuration docs/deployment.md gives for LIGHTPATH_DOWNLOAD_FRONTEND=nginx, read from
// the docs themselves and fitted to loopback ports and the given data roots, so the test and the
// benchmark run exactly what an operator copies.
import fs from 'node:fs';
import path from 'node:path';

const DOCS = path.resolve(import.meta.dirname, '../../docs/deployment.md');
const MARKER = '<!-- nginx-accel-redirect -->';

/** The ```nginx block after the marker in docs/deployment.md. */
export function documentedBlock(): string {
  const text = fs.readFileSync(DOCS, 'utf8');
  const found = new RegExp(`${MARKER}\\s*\`\`\`nginx\\n([\\s\\S]*?)\\n\`\`\``).exec(text);
  if (!found) throw new Error(`docs/deployment.md has no \`\`\`nginx block after ${MARKER}`);
  return found[1];
}

function replaceOnce(text: string, what: string | RegExp, by: string | ((match: string) => string)): string {
  const at = typeof what === 'string' ? text.indexOf(what) : text.search(what);
  if (at < 0) throw new Error(`the documented nginx configuration no longer contains ${what}`);
  return text.replace(what, by as string);
}

export interface Fitting {
  listenPort: number;
  lightpathPort: number;
  /** LIGHTPATH_DATA_ROOTS, in order. */
  roots: string[];
}

/** The documented block with its example addresses and data root replaced (one location per root). */
export function documentedNginxConfig(fitting: Fitting): string {
  let block = documentedBlock();
  block = replaceOnce(block, 'listen 80;', `listen 127.0.0.1:${fitting.listenPort};`);
  block = replaceOnce(block, 'server 127.0.0.1:3000;', `server 127.0.0.1:${fitting.lightpathPort};`);
  return replaceOnce(block, /^( *)location \/protected\/0\/ \{\n[\s\S]*?^\1\}\n/m, (location) =>
    fitting.roots.map((root, index) => replaceOnce(location.replace('/protected/0/', `/protected/${index}/`), 'alias /data/beamlines/;', `alias ${root.replace(/\/+$/, '')}/;`)).join('\n'));
}

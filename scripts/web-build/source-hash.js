// A hash over everything the web bundle is built from, recorded in web/build/.source-hash: a
// bundle whose recorded hash differs from the sources' is stale and gets rebuilt.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder } from './files-under.js';

/** The inputs of the build, as paths relative to the repository root, sorted. */
export function sourceFiles(root) {
  const web = path.join(root, 'web');
  const topLevel = fs.existsSync(web) ? fs.readdirSync(web).filter((name) => /\.config\./.test(name) || name === 'tsconfig.json') : [];
  const files = [
    ...filesUnder(path.join(web, 'src')),
    ...filesUnder(path.join(web, 'static')),
    ...topLevel.map((name) => path.join(web, name)),
    path.join(root, 'package-lock.json'),
    // The build's own steps: a changed post-processor makes the old bundle stale too.
    path.join(root, 'scripts', 'build-web.js'),
    ...filesUnder(path.join(root, 'scripts', 'web-build')),
  ];
  return files.filter((file) => fs.existsSync(file)).map((file) => path.relative(root, file).split(path.sep).join('/')).sort();
}

export function sourceHash(root) {
  const hash = crypto.createHash('sha256');
  for (const file of sourceFiles(root)) {
    const content = fs.readFileSync(path.join(root, file));
    // Name and length first, so moving bytes from one file to the next changes the hash.
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex');
}

// A throw-away data area for the proxy tests: a data root with a user root inside it, a session
// directory with files, a secret outside the root, and symlinks pointing out of and within it.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { tempDir } from '../helpers/database.ts';

export interface DataTree {
  base: string;
  root: string;
  userRoot: string;
  /** users/bob/CMCFID-1: the session directory most tests take a key for. */
  session: string;
  outside: string;
  /** Bytes of the binary frame file, to compare ranges against. */
  frame: Buffer;
  env: Record<string, string>;
  remove(): void;
}

export function makeDataTree(): DataTree {
  const base = tempDir('lightpath-proxy-');
  const root = path.join(base, 'data');
  const userRoot = path.join(root, 'users');
  const session = path.join(userRoot, 'bob', 'CMCFID-1');
  const outside = path.join(base, 'outside');
  fs.mkdirSync(path.join(session, 'sub', 'deeper'), { recursive: true });
  fs.mkdirSync(outside, { recursive: true });

  const frame = Buffer.alloc(70000);
  for (let i = 0; i < frame.length; i++) frame[i] = (i * 31 + 7) % 251;
  fs.writeFileSync(path.join(session, 'frame_0001.img'), frame);
  fs.writeFileSync(path.join(session, 'scan.xdi'), '# XDI/1.0\n1.0 2.0\n');
  fs.writeFileSync(path.join(session, 'empty.dat'), '');
  fs.writeFileSync(path.join(session, 'sub', 'notes.txt'), 'inside a subdirectory\n');
  fs.writeFileSync(path.join(session, 'sub', 'deeper', `${'long-name-'.repeat(14)}end.txt`), 'a name longer than 100 bytes\n');
  fs.writeFileSync(path.join(session, 'compressed.json.gz'), zlib.gzipSync(JSON.stringify({ energy: 12.658 })));
  fs.writeFileSync(path.join(session, 'crystal.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'top secret\n');
  // Links: one escaping to the secret, one escaping directory, one staying inside.
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(session, 'escape.txt'));
  fs.symlinkSync(outside, path.join(session, 'escape-dir'));
  fs.symlinkSync('sub/notes.txt', path.join(session, 'notes-link.txt'));
  // A link inside the data root that leads out of it: a key for it must be refused.
  fs.symlinkSync(outside, path.join(userRoot, 'sneaky'));

  return {
    base, root, userRoot, session, outside, frame,
    env: { LIGHTPATH_DATA_ROOTS: root, LIGHTPATH_DATA_USER_ROOT: userRoot },
    remove: () => fs.rmSync(base, { recursive: true, force: true }),
  };
}

// The frame a worker decoded last, kept for the next request: zooming, panning and reading pixel
// values ask for the same frame again and again, and decoding a 6-megapixel CBF costs far more
// than checking that its files are unchanged. It is reused only while the path still leads to the
// same file inside the key's directory and every file it was read from keeps its stamp, the same
// test the preview cache passes; otherwise the frame is read afresh.
import path from 'node:path';
import { releasePixels } from './pixel-buffers.ts';
import { readFrame } from './read-frame.ts';
import type { FoundFrame } from './read-frame.ts';
import type { EarlyRows } from './cbf.ts';
import { realInside, sourcesHoldNow } from './source-files.ts';

/** Frames above this size are not kept (an Eiger2 16M frame would hold 72 MB per worker). */
const MAX_KEPT_PIXELS = 20_000_000;

let recent: { dir: string; relative: string; found: FoundFrame } | null = null;

/** The real path of the file a frame path names: the file itself, or the HDF5 file above a frame number. */
function namedFile(dir: string, relative: string): string | null {
  const parent = path.posix.dirname(relative);
  if (/^\d+$/.test(path.posix.basename(relative)) && parent !== '.' && parent !== '/') {
    const container = realInside(dir, parent);
    if (container !== null) return container;
  }
  return realInside(dir, relative);
}

function stillValid(dir: string, relative: string, found: FoundFrame): boolean {
  const first = found.sources[0];
  return first !== undefined && namedFile(dir, relative) === first.path && sourcesHoldNow(dir, found.sources);
}

/** `early` is told of a frame's first rows only when the frame is read afresh. */
export async function readRecentFrame(dir: string, relative: string, early?: EarlyRows): Promise<FoundFrame & { reused: boolean }> {
  const kept = recent;
  if (kept !== null && kept.dir === dir && kept.relative === relative && stillValid(dir, relative, kept.found)) {
    return { ...kept.found, reused: true };
  }
  // Jobs run one at a time on this worker, so the frame let go of here is no longer read: its buffer takes the next frame.
  releasePixels(kept?.found.frame ?? null);
  recent = null;
  const found = await readFrame(dir, relative, early);
  if (found.frame !== null && found.frame.width * found.frame.height <= MAX_KEPT_PIXELS) recent = { dir, relative, found };
  return { ...found, reused: false };
}

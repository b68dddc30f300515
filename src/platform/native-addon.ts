// Loading the native addons that scripts/build-native.js compiles from native/*.c at install. An
// addon that is not there (no compiler, not Linux, LIGHTPATH_NATIVE=off at install) gives null, and
// its caller keeps to its JavaScript path.
import { createRequire } from 'node:module';
import path from 'node:path';

const BUILD_DIR = path.resolve(import.meta.dirname, '..', '..', 'native', 'build');
const require = createRequire(import.meta.url);
const loaded = new Map<string, unknown>();

/** The addon built from native/<name>.c, loaded once per thread, or null where it cannot be. */
export function nativeAddon<T>(name: string): T | null {
  if (!loaded.has(name)) {
    let addon: unknown = null;
    if (process.platform === 'linux') {
      try {
        addon = require(path.join(BUILD_DIR, `${name}.node`));
      } catch {
        addon = null;
      }
    }
    loaded.set(name, addon);
  }
  return loaded.get(name) as T | null;
}

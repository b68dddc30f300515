// A file store in a directory on this machine (or a shared filesystem mounted on every machine).
// Writes go to a temporary file that is renamed into place, so readers never see half a file.
// Paths are confined by key shape, and by resolving symlinks before any read or write; a file
// opened for reading is checked again by its descriptor.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkKey, StoragePathError } from './file-store.ts';
import { isPartialName, partialPath, removeAbandonedPartials } from './partial-files.ts';
import type { ByteRange, FileStore, StoredFileInfo } from './file-store.ts';
import { isInside, openedInside } from './descriptor-paths.ts';

export class LocalFileStore implements FileStore {
  private realRoot: string | null = null;

  constructor(readonly root: string) {}

  private async rootPath(): Promise<string> {
    if (this.realRoot === null) {
      await fsp.mkdir(this.root, { recursive: true });
      this.realRoot = await fsp.realpath(this.root);
    }
    return this.realRoot;
  }

  /** The absolute path for a key, after checking that no symlink on the way leads outside the root. */
  private async resolve(key: string): Promise<string> {
    const root = await this.rootPath();
    const target = path.join(root, ...checkKey(key));
    // Walk up to the deepest part that exists and make sure its real location is inside the root.
    let existing = target;
    for (;;) {
      try {
        const real = await fsp.realpath(existing);
        if (!isInside(root, real)) throw new StoragePathError(`file key "${key}" leads outside the store`);
        return existing === target ? real : path.join(real, path.relative(existing, target));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        existing = path.dirname(existing);
      }
    }
  }

  async write(key: string, source: Readable | Buffer): Promise<StoredFileInfo> {
    const target = await this.resolve(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    // Re-check after creating directories: a symlink could have appeared in between.
    const confirmed = await this.resolve(key);
    if (confirmed !== target) throw new StoragePathError(`file key "${key}" changed while writing`);
    const temporary = partialPath(target);
    try {
      await pipeline(Buffer.isBuffer(source) ? Readable.from([source]) : source, fs.createWriteStream(temporary, { flags: 'wx' }));
      await fsp.rename(temporary, target);
    } catch (error) {
      await fsp.rm(temporary, { force: true });
      throw error;
    }
    return (await this.stat(key))!;
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const target = await this.resolve(key);
    const handle = await fsp.open(target, 'r');
    const info = await handle.stat();
    if (!info.isFile()) {
      await handle.close();
      throw Object.assign(new Error(`"${key}" is not a file`), { code: 'EISDIR' });
    }
    // The path was checked before it was opened; a directory swapped for a symlink in between is caught here.
    if (!(await openedInside(handle, await this.rootPath(), target))) {
      await handle.close();
      throw new StoragePathError(`file key "${key}" leads outside the store`);
    }
    return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
  }

  async stat(key: string): Promise<StoredFileInfo | null> {
    try {
      const info = await fsp.stat(await this.resolve(key));
      return info.isFile() ? { size: info.size, modifiedAt: info.mtime } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      await fsp.unlink(await this.resolve(key));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  }

  async *list(prefix: string): AsyncIterable<string> {
    const root = await this.rootPath();
    const start = prefix === '' ? root : await this.resolve(prefix.replace(/\/+$/, ''));
    const walk = async function* (dir: string): AsyncIterable<string> {
      let entries: fs.Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return;
        throw error;
      }
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const entry of entries) {
        const full = path.join(dir, entry.name);
        // Symlinks are never followed when listing, and half-written files are not listed.
        if (entry.isDirectory()) yield* walk(full);
        else if (entry.isFile() && !isPartialName(entry.name)) yield path.relative(root, full).split(path.sep).join('/');
      }
    };
    yield* walk(start);
  }

  /** Removes what killed writers left half-written (see partial-files.ts); for start-up. */
  async removeAbandonedPartials(): Promise<number> {
    return removeAbandonedPartials(await this.rootPath());
  }

  async localPath(key: string): Promise<string | null> {
    return this.resolve(key);
  }
}

// The Data Proxy's rules: which directories may get a key, and what a key leads to.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { DataProxyConfig } from '../config.ts';
import type { Db } from '../platform/db/database.ts';
import { HttpError } from '../platform/http/errors.ts';
import { ProxyKeyStore } from './key-store.ts';
import type { ProxyKey, ProxyKeyListQuery } from './key-store.ts';
import { isInside, isMissing, realLocation, realpathOrNull, realRoots } from './paths.ts';

export const KEY_PATTERN = /^[0-9a-f]{40}$/;
const MAX_PATH_LENGTH = 4096;

/** A requested path that is no file system path at all (empty, NUL, too long): 400. */
export class PathRefused extends HttpError {
  constructor(detail: string) {
    super(400, detail);
  }
}

/** What an operator does about paths outside the roots; part of every D17 message. */
export const DATA_ROOTS_HINT = 'Set LIGHTPATH_DATA_ROOTS (and LIGHTPATH_DATA_USER_ROOT for relative paths) on the server that serves the files; see docs/configuration.md.';

/** Where a requested directory lies: inside a data root (it may get a key), or not, and why. */
export type Placement =
  | { inside: true; directory: string }
  | { inside: false; directory: string; reason: string };

/** What a key leads to: a directory to serve, nothing, or a path outside the roots (with the 404 detail). */
export type Servable =
  | { kind: 'directory'; stored: string; real: string }
  | { kind: 'none' }
  | { kind: 'outside'; detail: string };

/** 160 random bits: unguessable, so a key can stay a bearer secret (decision D14). */
export function newKey(): string {
  return crypto.randomBytes(20).toString('hex');
}

function withoutFilesDetail(key: ProxyKey): string {
  return `No files for this record: its directory ${key.path} was outside the configured data roots when it was recorded. ${DATA_ROOTS_HINT}`;
}

export type DataProxySettings = Pick<DataProxyConfig, 'roots' | 'userRoot'>;

export class DataProxyService {
  readonly keys: ProxyKeyStore;

  /** The roots' real paths as last resolved (see insideRoots). */
  private knownRoots: Promise<string[]> | null = null;

  constructor(db: Db, private readonly settings: DataProxySettings) {
    this.keys = new ProxyKeyStore(db);
  }

  /**
   * A fresh key for a directory. Relative paths (e.g. "bob/CMCFID-…") are taken from the user root;
   * the directory need not exist yet (MxDC asks before it writes), but where it would really be —
   * symlinks of its existing part resolved — must be inside a data root. Null when it is not (D13).
   */
  async createKey(requested: string): Promise<string | null> {
    const placement = await this.place(requested);
    return placement.inside ? (await this.keys.insert(newKey(), placement.directory)).key : null;
  }

  /** A key that only records a path outside the roots: its URLs answer 404 saying why (D17). */
  async keyWithoutFiles(requested: string): Promise<string> {
    const placement = await this.place(requested);
    return (await this.keys.insert(newKey(), placement.directory, true)).key;
  }

  /** Where a `data/create/` path lies; PathRefused when it is no path at all. */
  async place(requested: string): Promise<Placement> {
    if (typeof requested !== 'string' || requested === '') throw new PathRefused('A path is required.');
    if (requested.includes('\0') || requested.length > MAX_PATH_LENGTH) throw new PathRefused('The path is not a valid file system path.');
    if (!path.isAbsolute(requested) && this.settings.userRoot === null) {
      return { inside: false, directory: path.normalize(requested), reason: 'relative paths need LIGHTPATH_DATA_USER_ROOT, which is not set' };
    }
    const normalised = path.resolve(this.settings.userRoot ?? '/', requested);
    if (this.settings.roots.length === 0) return { inside: false, directory: normalised, reason: 'no data roots are configured' };
    const real = await realLocation(normalised);
    if (!(await this.insideRoots(real))) return { inside: false, directory: normalised, reason: 'it is outside the data roots' };
    return { inside: true, directory: normalised };
  }

  /**
   * Whether a real path lies in a data root. Every AddData asks, so the roots' real paths are kept;
   * a path outside them is asked again of freshly resolved roots, so a root that moved is noticed.
   * A key made against a root that has moved away is still safe: serving checks fresh roots.
   */
  private async insideRoots(real: string): Promise<boolean> {
    const inside = (roots: string[]) => roots.some((root) => isInside(root, real));
    if (this.knownRoots !== null && inside(await this.knownRoots.catch(() => []))) return true;
    this.knownRoots = realRoots(this.settings.roots);
    return inside(await this.knownRoots);
  }

  /**
   * What a key serves: the real path of its directory, checked again against the roots (symlinks
   * may have changed since the key was made); nothing for a malformed, unknown or revoked key or a
   * missing directory; and a 404 detail naming the setting when the directory is outside the roots.
   */
  async servableDirectory(key: string): Promise<Servable> {
    if (!KEY_PATTERN.test(key)) return { kind: 'none' };
    const found = await this.keys.find(key);
    if (!found || found.revokedAt !== null) return { kind: 'none' };
    if (found.outsideRoots) return { kind: 'outside', detail: withoutFilesDetail(found) };
    const real = await realpathOrNull(found.path);
    if (real === null) return { kind: 'none' };
    const roots = await realRoots(this.settings.roots);
    if (!roots.some((root) => isInside(root, real))) {
      return { kind: 'outside', detail: `No files here: the directory ${found.path} is outside the configured data roots. ${DATA_ROOTS_HINT}` };
    }
    try {
      if (!(await fsp.stat(real)).isDirectory()) return { kind: 'none' };
    } catch (error) {
      if (isMissing(error)) return { kind: 'none' };
      throw error;
    }
    return { kind: 'directory', stored: found.path, real };
  }

  /** The 404 detail for a live key that was made without files (D17); null for any other key. */
  async withoutFiles(key: string): Promise<string | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const found = await this.keys.find(key);
    return found && found.revokedAt === null && found.outsideRoots ? withoutFilesDetail(found) : null;
  }

  /** Revokes a key; null when there is no such key. */
  async revoke(key: string): Promise<ProxyKey | null> {
    if (!KEY_PATTERN.test(key)) return null;
    return this.keys.revoke(key);
  }

  list(page: { limit: number; offset: number }, order?: (query: ProxyKeyListQuery) => ProxyKeyListQuery) {
    return this.keys.list(page, order);
  }
}

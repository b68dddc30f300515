// The Data Proxy's rules: which directories may get a key, and what a key leads to.
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { DataProxyConfig } from '../config.ts';
import type { Db } from '../platform/db/database.ts';
import { HttpError } from '../platform/http/errors.ts';
import { ProxyKeyStore } from './key-store.ts';
import type { ProxyKey } from './key-store.ts';
import { isInside, isMissing, realLocation, realpathOrNull, realRoots } from './paths.ts';

export const KEY_PATTERN = /^[0-9a-f]{40}$/;
const MAX_PATH_LENGTH = 4096;

/** A path that may not have a key (Lightpath decision D13: 400 rather than `{"key": null}`). */
export class PathRefused extends HttpError {
  constructor(detail: string) {
    super(400, detail);
  }
}

/** 160 random bits: unguessable, so a key can stay a bearer secret (decision D14). */
export function newKey(): string {
  return crypto.randomBytes(20).toString('hex');
}

export type DataProxySettings = Pick<DataProxyConfig, 'roots' | 'userRoot'>;

export class DataProxyService {
  readonly keys: ProxyKeyStore;

  constructor(db: Db, private readonly settings: DataProxySettings) {
    this.keys = new ProxyKeyStore(db);
  }

  /**
   * A fresh key for a directory. Relative paths (e.g. "bob/CMCFID-…") are taken from the user root;
   * the directory need not exist yet (MxDC asks before it writes), but where it would really be —
   * symlinks of its existing part resolved — must be inside a data root.
   */
  async createKey(requested: string): Promise<string> {
    const directory = await this.allowedDirectory(requested);
    return (await this.keys.insert(newKey(), directory)).key;
  }

  /** The absolute, normalised path a `data/create/` path stands for, or PathRefused. */
  async allowedDirectory(requested: string): Promise<string> {
    if (typeof requested !== 'string' || requested === '') throw new PathRefused('A path is required.');
    if (requested.includes('\0') || requested.length > MAX_PATH_LENGTH) throw new PathRefused('The path is not a valid file system path.');
    let absolute = requested;
    if (!path.isAbsolute(requested)) {
      if (this.settings.userRoot === null) throw new PathRefused('Relative paths need LIGHTPATH_DATA_USER_ROOT, which is not set.');
      absolute = path.join(this.settings.userRoot, requested);
    }
    const normalised = path.resolve(absolute);
    if (this.settings.roots.length === 0) throw new PathRefused('No data roots are configured (LIGHTPATH_DATA_ROOTS).');
    const real = await realLocation(normalised);
    const roots = await realRoots(this.settings.roots);
    if (!roots.some((root) => isInside(root, real))) throw new PathRefused(`The path ${normalised} is outside the data roots.`);
    return normalised;
  }

  /** The directory of a live key; null for a malformed, unknown or revoked key. */
  async resolve(key: string): Promise<string | null> {
    if (!KEY_PATTERN.test(key)) return null;
    const found = await this.keys.find(key);
    return found && found.revokedAt === null ? found.path : null;
  }

  /**
   * The real path of a live key's directory, checked again against the roots (symlinks may have
   * changed since the key was made); null when it is not an existing directory inside them.
   */
  async servableDirectory(key: string): Promise<{ stored: string; real: string } | null> {
    const stored = await this.resolve(key);
    if (stored === null) return null;
    const real = await realpathOrNull(stored);
    if (real === null) return null;
    const roots = await realRoots(this.settings.roots);
    if (!roots.some((root) => isInside(root, real))) return null;
    try {
      if (!(await fsp.stat(real)).isDirectory()) return null;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return { stored, real };
  }

  /** Revokes a key; null when there is no such key. */
  async revoke(key: string): Promise<ProxyKey | null> {
    if (!KEY_PATTERN.test(key)) return null;
    return this.keys.revoke(key);
  }

  list(page: { limit: number; offset: number }) {
    return this.keys.list(page);
  }
}

import type { Readable } from 'node:stream';

/**
 * Where uploaded bytes live: a folder on this machine (the embedded default) or any S3-compatible
 * bucket (server mode). Bodies are streams both ways, so no file is ever held whole in memory here.
 * Keys are ours (e.g. `workspaces/<id>/media/<assetId>`), never taken from a user.
 */
export interface Storage {
  readonly kind: 'local' | 's3';
  /** Stores the stream under the key; on any error nothing is left under the key. */
  put(key: string, body: Readable, opts?: { contentType?: string }): Promise<void>;
  /** The bytes under the key, or the inclusive byte range; throws StorageNotFoundError. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes the key; a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Releases connections (S3); the folder driver has nothing to release. */
  close(): Promise<void>;
}

export interface ByteRange {
  start: number;
  /** Inclusive, as in HTTP Range. */
  end: number;
}

export class StorageNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`Nothing is stored under "${key}".`);
    this.name = 'StorageNotFoundError';
  }
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Keys are plain relative paths: no `..`, no leading slash, no odd characters. */
export function assertKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((s) => s === '.' || s === '..') || key.length > 512) throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
}

import { LocalStorage } from './local';
import { S3Storage, type S3Options } from './s3';
import type { Storage } from './types';

export * from './types';

export interface StorageConfig {
  /** Folder of the local driver. */
  mediaDir: string;
  /** When set, the S3 driver is used instead of the folder. */
  s3?: S3Options;
}

export function createStorage(cfg: StorageConfig): Storage {
  return cfg.s3 ? new S3Storage(cfg.s3) : new LocalStorage(cfg.mediaDir);
}

export { LocalStorage } from './local';
export { S3Storage, type S3Options } from './s3';

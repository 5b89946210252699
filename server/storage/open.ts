import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Env } from '../env';
import { createStorage } from './index';
import type { Storage } from './types';

/**
 * The media storage this process uses: the S3 bucket when S3_BUCKET is set, else MEDIA_DIR
 * (default DATA_DIR/media). An in-memory data folder (tests) gets a temporary folder, removed on close.
 */
export async function openMediaStorage(env: Pick<Env, 'MEDIA_DIR' | 'S3_BUCKET' | 'S3_ENDPOINT' | 'S3_REGION' | 'S3_ACCESS_KEY_ID' | 'S3_SECRET_ACCESS_KEY' | 'S3_FORCE_PATH_STYLE'>, dataDir: string): Promise<{ storage: Storage; close(): Promise<void> }> {
  if (env.S3_BUCKET) {
    const storage = createStorage({
      mediaDir: '',
      s3: { bucket: env.S3_BUCKET, endpoint: env.S3_ENDPOINT, region: env.S3_REGION, accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY, forcePathStyle: env.S3_FORCE_PATH_STYLE },
    });
    return { storage, close: () => storage.close() };
  }
  const temporary = !env.MEDIA_DIR && dataDir === 'memory://' ? await mkdtemp(join(tmpdir(), 'tandem-media-')) : null;
  const storage = createStorage({ mediaDir: temporary ?? resolve(env.MEDIA_DIR ?? join(dataDir, 'media')) });
  return {
    storage,
    async close() {
      await storage.close();
      if (temporary) await rm(temporary, { recursive: true, force: true });
    },
  };
}

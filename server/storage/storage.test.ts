import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../env';
import { LocalStorage, S3Storage, StorageNotFoundError, type Storage } from './index';

/** Both drivers, the same behaviour: the folder, and a real S3 server (s3rver) on a free loopback port. */
const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
/** A stream of `n` chunks that fails after sending them. */
function failingAfter(chunks: Buffer[]): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i < chunks.length) this.push(chunks[i++]);
      else this.destroy(new Error('client went away'));
    },
  });
}

function behavesLikeStorage(name: string, open: () => Storage | null) {
  describe(name, () => {
    let s: Storage;
    beforeAll(() => {
      const opened = open();
      if (opened) s = opened;
    });
    const skip = () => !s;

    it('stores a stream under a key and gives it back whole or as a byte range', async (ctx) => {
      if (skip()) return ctx.skip();
      const body = randomBytes(3 * 1024 * 1024 + 17);
      // Chunked like an upload arrives, so the S3 driver sends several parts.
      await s.put('workspaces/w1/media/a', Readable.from(Array.from({ length: 13 }, (_, i) => body.subarray(i * 256 * 1024, (i + 1) * 256 * 1024))), { contentType: 'image/png' });
      expect(await s.exists('workspaces/w1/media/a')).toBe(true);
      expect((await read(await s.get('workspaces/w1/media/a'))).equals(body)).toBe(true);
      expect((await read(await s.get('workspaces/w1/media/a', { start: 10, end: 19 }))).equals(body.subarray(10, 20))).toBe(true);
    });

    it('says "not found" for a missing key, deletes idempotently', async (ctx) => {
      if (skip()) return ctx.skip();
      await expect(s.get('workspaces/w1/media/missing')).rejects.toBeInstanceOf(StorageNotFoundError);
      expect(await s.exists('workspaces/w1/media/missing')).toBe(false);
      await s.put('workspaces/w1/media/gone', Readable.from([Buffer.from('x')]));
      await s.delete('workspaces/w1/media/gone');
      await s.delete('workspaces/w1/media/gone');
      expect(await s.exists('workspaces/w1/media/gone')).toBe(false);
    });

    it('leaves nothing under the key when the stream fails midway', async (ctx) => {
      if (skip()) return ctx.skip();
      await expect(s.put('workspaces/w1/media/broken', failingAfter([randomBytes(6 * 1024 * 1024), randomBytes(100)]))).rejects.toThrow(/client went away/);
      expect(await s.exists('workspaces/w1/media/broken')).toBe(false);
    });

    it('refuses keys that could leave its folder or bucket prefix', async (ctx) => {
      if (skip()) return ctx.skip();
      for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'a//b', '']) await expect(s.exists(key)).rejects.toThrow(/Invalid storage key/);
    });
  });
}

let dir: string;
let local: LocalStorage;
let s3: S3Storage | null = null;
let s3rver: { close(): Promise<void> } | null = null;
let s3Dir: string;
let whyNoS3 = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-storage-test-'));
  local = new LocalStorage(dir);
  s3Dir = await mkdtemp(join(tmpdir(), 'tandem-s3rver-'));
  try {
    const { default: S3rver } = await import('s3rver');
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: 'tandem-test', configs: [] }] });
    await server.run();
    const { port } = server.httpServer.address() as AddressInfo;
    s3rver = server;
    s3 = new S3Storage({ bucket: 'tandem-test', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true });
  } catch (err) {
    whyNoS3 = `s3rver could not start: ${(err as Error).message}`;
    if (testEnv().ci) throw new Error(`${whyNoS3}; CI=true, so the S3 driver test cannot be skipped.`);
    console.log(`[storage] SKIPPED the S3 driver: ${whyNoS3}`);
  }
});

afterAll(async () => {
  await s3?.close();
  await s3rver?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(s3Dir, { recursive: true, force: true });
});

behavesLikeStorage('the local folder driver', () => local);
behavesLikeStorage('the S3 driver (s3rver)', () => s3);

describe('the local folder driver, on disk', () => {
  it('keeps no partial file after a failed write', async () => {
    await expect(local.put('workspaces/w2/media/p', failingAfter([randomBytes(1000)]))).rejects.toThrow();
    expect(await readdir(join(dir, 'workspaces', 'w2', 'media'))).toEqual([]);
  });
});

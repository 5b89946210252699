import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../../env';
import { signUpUser, type ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { makePng } from './testMedia';

/** The whole upload path with S3_BUCKET set: Tandem streams into a real S3 server (s3rver) and serves back from it. */
let t: TestTandem | null = null;
let s3rver: { close(): Promise<void> } | null = null;
let s3Dir = '';
let owner: ApiClient;
let ws = '';
let whyNot = '';
let endpoint = '';
/** Every key in the bucket, asked of the S3 server itself. */
async function bucketKeys(): Promise<string[]> {
  const client = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  try {
    return ((await client.send(new ListObjectsV2Command({ Bucket: 'media' }))).Contents ?? []).map((o) => o.Key!);
  } finally {
    client.destroy();
  }
}

beforeAll(async () => {
  s3Dir = await mkdtemp(join(tmpdir(), 'tandem-media-s3-'));
  try {
    const { default: S3rver } = await import('s3rver');
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: 'media', configs: [] }] });
    await server.run();
    s3rver = server;
    const { port } = server.httpServer.address() as AddressInfo;
    endpoint = `http://127.0.0.1:${port}`;
    t = await startTestTandem({ S3_BUCKET: 'media', S3_ENDPOINT: endpoint, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_FORCE_PATH_STYLE: 'true' });
  } catch (err) {
    whyNot = `s3rver could not start: ${(err as Error).message}`;
    if (testEnv().ci) throw new Error(`${whyNot}; CI=true, so this test cannot be skipped.`);
    console.log(`[media] SKIPPED uploads to S3: ${whyNot}`);
    return;
  }
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Bucket' })).body.id;
});

afterAll(async () => {
  await t?.stop();
  await s3rver?.close();
  await rm(s3Dir, { recursive: true, force: true });
});

describe('media in an S3 bucket', () => {
  it('uploads, serves the file and thumbnail, and deletes them from the bucket', async (ctx) => {
    if (!t) return ctx.skip();
    expect(t.ctx.storage.kind).toBe('s3');
    const png = await makePng(300, 200);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png)]), 'bucket.png');
    const res = await owner.post(`/api/workspaces/${ws}/media`, form);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const a = res.body;
    const key = `workspaces/${ws}/media/${a.id}`;
    expect((await bucketKeys()).sort()).toEqual([key, `${key}.thumb.webp`]);

    const chunks: Buffer[] = [];
    for await (const c of await t.ctx.storage.get(key)) chunks.push(c as Buffer);
    expect(createHash('sha256').update(Buffer.concat(chunks)).digest('hex')).toBe(a.sha256);
    expect((await owner.get(a.thumbnailUrl)).status).toBe(200);

    expect((await owner.delete(`/api/workspaces/${ws}/media/${a.id}`)).status).toBe(200);
    expect(await bucketKeys()).toEqual([]);
  });

  it('keeps nothing in the bucket when an upload is refused', async (ctx) => {
    if (!t) return ctx.skip();
    const form = new FormData();
    form.append('file', new Blob(['not a picture at all'.repeat(300)]), 'fake.jpg');
    const res = await owner.post(`/api/workspaces/${ws}/media`, form);
    expect(res.body.error.details.reason).toBe('unsupported_type');
    expect((await owner.get(`/api/workspaces/${ws}/media`)).body.total).toBe(0);
    expect(await bucketKeys()).toEqual([]);
  });
});

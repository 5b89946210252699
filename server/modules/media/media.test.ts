import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sinkCapabilities } from '../../../connectors/sink';
import { LocalStorage } from '../../storage';
import { ApiClient, signUpUser } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { ffmpegAvailable } from './ingest/ffmpeg';
import { checkMediaForNetwork, loadMediaForChecks, loadPublishMedia } from './index';
import { makeGif, makeJpeg, makeMp4, makeNoisePng, makePng, makeWebm } from './testMedia';

/** The media library through HTTP: uploads, files, alt text, deletes, checks, workspace walls. */
const MAX = 300_000;
let t: TestTandem;
let owner: ApiClient;
let ws: string;
let token: string;
let channelId: string;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const form = (file: Buffer, name: string, type = 'application/octet-stream', altText?: string) => {
  const f = new FormData();
  if (altText !== undefined) f.append('altText', altText);
  f.append('file', new Blob([new Uint8Array(file)], { type }), name);
  return f;
};
const upload = (file: Buffer, name: string, type?: string, altText?: string, client = owner, workspace = ws) => client.post(`/api/workspaces/${workspace}/media`, form(file, name, type, altText));
/** Raw bytes and headers (the ApiClient reads bodies as text). */
const raw = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(t.baseUrl + path, { headers: { authorization: `Bearer ${token}`, ...headers } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
};
/** Files (not folders) in the local media folder. */
const storedFiles = async () => {
  const root = (t.ctx.storage as LocalStorage).root;
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => e.name);
};

beforeAll(async () => {
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true', MEDIA_MAX_BYTES: String(MAX) });
  owner = (await signUpUser(t.baseUrl, 'Owner')).client;
  ws = (await owner.post('/api/workspaces', { name: 'Media' })).body.id;
  token = (await owner.post(`/api/workspaces/${ws}/tokens`, { name: 'files', scopes: ['media:read', 'media:write'] })).body.token;
  channelId = (await owner.post(`/api/workspaces/${ws}/channels`, { network: 'sink', credentials: { account: 'media' } })).body.id;
});
afterAll(async () => t?.stop());

describe('uploading', () => {
  it('stores a PNG streamed through: type from its bytes, size, sha256, dimensions, alt text, thumbnail', async () => {
    const png = await makePng(640, 480);
    const res = await upload(png, 'Café latte.png', 'image/png', 'A latte on a wooden table');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const a = res.body;
    expect(a).toMatchObject({ kind: 'image', mimeType: 'image/png', byteSize: png.length, width: 640, height: 480, durationMs: null, sha256: sha(png), originalName: 'Café latte.png', altText: 'A latte on a wooden table' });
    expect(a.fileUrl).toBe(`/api/workspaces/${ws}/media/${a.id}/file`);

    const file = await raw(a.fileUrl);
    expect(file.status).toBe(200);
    expect(sha(file.bytes)).toBe(sha(png));
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-disposition')).toBe(`inline; filename="Caf_ latte.png"; filename*=UTF-8''Caf%C3%A9%20latte.png`);

    const thumb = await raw(a.thumbnailUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const meta = await sharp(thumb.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 400, 300]);
  });

  it('serves a byte range of the file', async () => {
    const png = await makePng(50, 50);
    const a = (await upload(png, 'range.png')).body;
    const part = await raw(a.fileUrl, { range: 'bytes=0-7' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-7/${png.length}`);
    expect(part.bytes.equals(png.subarray(0, 8))).toBe(true);
    const tail = await raw(a.fileUrl, { range: 'bytes=-4' });
    expect(tail.bytes.equals(png.subarray(png.length - 4))).toBe(true);
  });

  it('reads a JPEG turned by its EXIF orientation as it is shown, and a GIF (thumbnail of its first frame)', async () => {
    const jpeg = (await upload(await makeJpeg(120, 80, 6), 'phone.jpg', 'image/jpeg')).body;
    expect([jpeg.kind, jpeg.mimeType, jpeg.width, jpeg.height]).toEqual(['image', 'image/jpeg', 80, 120]);
    const gif = (await upload(await makeGif(30, 20), 'loop.gif', 'image/gif')).body;
    expect([gif.kind, gif.mimeType, gif.width, gif.height]).toEqual(['gif', 'image/gif', 30, 20]);
    expect(gif.thumbnailUrl).not.toBeNull();
    expect((await sharp((await raw(gif.thumbnailUrl)).bytes).metadata()).format).toBe('webp');
  });

  it('reads duration and frame size of MP4, QuickTime and WebM videos', async () => {
    const mp4 = (await upload(makeMp4({ seconds: 12.5, width: 1280, height: 720 }), 'clip.mp4')).body;
    expect([mp4.kind, mp4.mimeType, mp4.durationMs, mp4.width, mp4.height]).toEqual(['video', 'video/mp4', 12_500, 1280, 720]);
    const mov = (await upload(makeMp4({ seconds: 3, width: 1920, height: 1080, brand: 'qt', rotate: true }), 'phone.mov')).body;
    expect([mov.kind, mov.mimeType, mov.durationMs, mov.width, mov.height]).toEqual(['video', 'video/quicktime', 3000, 1080, 1920]);
    const webm = (await upload(makeWebm({ seconds: 7.5, width: 640, height: 480 }), 'loop.webm')).body;
    expect([webm.kind, webm.mimeType, webm.durationMs, webm.width, webm.height]).toEqual(['video', 'video/webm', 7500, 640, 480]);
    // Without ffmpeg (this machine) a video has no thumbnail: the web app shows an icon.
    if (!(await ffmpegAvailable())) {
      expect(mp4.thumbnailUrl).toBeNull();
      expect((await raw(`/api/workspaces/${ws}/media/${mp4.id}/thumbnail`)).status).toBe(404);
    }
  });

  it('refuses a text file named .png, whatever the client claims, and keeps nothing', async () => {
    const before = await storedFiles();
    const res = await upload(Buffer.from('just some text, not an image\n'.repeat(400)), 'holiday.png', 'image/png');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('BAD_REQUEST');
    expect(res.body.error.details.reason).toBe('unsupported_type');
    expect(res.body.error.message).toMatch(/JPEG, PNG, WebP or GIF images, and MP4, MOV or WebM videos/);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a file over MEDIA_MAX_BYTES, declared or streamed without a length, and keeps nothing', async () => {
    const big = await makeNoisePng(400, 400);
    expect(big.length).toBeGreaterThan(MAX);
    const before = await storedFiles();
    const declared = await upload(big, 'big.png', 'image/png');
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { reason: 'too_large', maxBytes: MAX } });

    // Chunked: no Content-Length, so the limit is met while the bytes stream to storage.
    const body = new Response(form(big, 'big.png', 'image/png'));
    const type = body.headers.get('content-type')!;
    const bytes = new Uint8Array(await body.arrayBuffer());
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < bytes.length; i += 16_384) c.enqueue(bytes.subarray(i, i + 16_384));
        c.close();
      },
    });
    const res = await fetch(`${t.baseUrl}/api/workspaces/${ws}/media`, { method: 'POST', body: stream, duplex: 'half', headers: { 'content-type': type, authorization: `Bearer ${token}` } } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { details: { reason: string } } }).error.details.reason).toBe('too_large');
    expect(await storedFiles()).toEqual(before);
  });

  it('says what is wrong with a form that is not an upload', async () => {
    const json = await owner.post(`/api/workspaces/${ws}/media`, { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.error.details.reason).toBe('not_multipart');
    const noFile = new FormData();
    noFile.append('altText', 'alone');
    expect((await owner.post(`/api/workspaces/${ws}/media`, noFile)).body.error.details.reason).toBe('no_file');
    const tooLong = await upload(await makePng(), 'a.png', 'image/png', 'x'.repeat(2001));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.fields.altText).toMatch(/2000/);
  });
});

describe('the library', () => {
  it('edits alt text (at most 2,000 characters) and checks the asset against each channel', async () => {
    const a = (await upload(await makeGif(), 'party.gif', 'image/gif')).body;
    // The sink channel takes PNG and JPEG only.
    const sink = a.checks.find((c: { channelId: string }) => c.channelId === channelId);
    expect(sink.problems.map((p: { rule: string }) => p.rule)).toEqual(['type']);
    const res = await owner.patch(`/api/workspaces/${ws}/media/${a.id}`, { altText: 'Confetti falling' });
    expect(res.status).toBe(200);
    expect(res.body.altText).toBe('Confetti falling');
    expect((await owner.get(`/api/workspaces/${ws}/media/${a.id}`)).body.altText).toBe('Confetti falling');
    const tooLong = await owner.patch(`/api/workspaces/${ws}/media/${a.id}`, { altText: 'x'.repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('lists newest first, pages, filters by kind and searches names and alt texts', async () => {
    const w = (await owner.post('/api/workspaces', { name: 'List' })).body.id;
    for (const [i, name] of ['one.png', 'two.png', 'three.gif'].entries()) {
      const file = name.endsWith('gif') ? await makeGif() : await makePng(10 + i, 10);
      expect((await upload(file, name, undefined, name === 'two.png' ? 'espresso crema' : '', owner, w)).status).toBe(201);
    }
    const all = (await owner.get(`/api/workspaces/${w}/media`)).body;
    expect(all.total).toBe(3);
    expect(all.assets.map((a: { originalName: string }) => a.originalName)).toEqual(['three.gif', 'two.png', 'one.png']);
    const page2 = (await owner.get(`/api/workspaces/${w}/media?page=2&pageSize=2`)).body;
    expect([page2.total, page2.assets.length, page2.assets[0].originalName]).toEqual([3, 1, 'one.png']);
    expect((await owner.get(`/api/workspaces/${w}/media?kind=gif`)).body.assets.map((a: { originalName: string }) => a.originalName)).toEqual(['three.gif']);
    expect((await owner.get(`/api/workspaces/${w}/media?q=CREMA`)).body.assets.map((a: { originalName: string }) => a.originalName)).toEqual(['two.png']);
    expect((await owner.get(`/api/workspaces/${w}/media?q=one`)).body.total).toBe(1);
    expect((await owner.get(`/api/workspaces/${w}/media?q=%25`)).body.total).toBe(0);
  });

  it('refuses to delete a file a draft uses (base media or a variant part), and deletes it once no unsent post does', async () => {
    const a = (await upload(await makePng(), 'used.png', 'image/png', 'Used')).body;
    const b = (await upload(await makePng(), 'in-variant.png', 'image/png', 'In a variant')).body;
    const post = await owner.post(`/api/workspaces/${ws}/posts`, { text: 'With a picture', media: [{ assetId: a.id }], channelIds: [channelId] });
    expect(post.status, JSON.stringify(post.body)).toBe(201);
    const threaded = await owner.post(`/api/workspaces/${ws}/posts`, { text: 'Base', channelIds: [channelId], variants: { [channelId]: { parts: [{ text: 'First', media: [] }, { text: 'Second', media: [{ assetId: b.id }] }] } } });
    expect(threaded.status, JSON.stringify(threaded.body)).toBe(201);

    for (const [asset, postId] of [[a, post.body.id], [b, threaded.body.id]] as const) {
      const refused = await owner.delete(`/api/workspaces/${ws}/media/${asset.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'in_use', postIds: [postId] } });
      expect(refused.body.error.message).toMatch(/Remove it from that post/);
      expect((await owner.post(`/api/workspaces/${ws}/posts/${postId}/cancel`)).status).toBe(200);
      const files = await storedFiles();
      expect((await owner.delete(`/api/workspaces/${ws}/media/${asset.id}`)).status).toBe(200);
      expect((await owner.get(`/api/workspaces/${ws}/media/${asset.id}`)).status).toBe(404);
      expect((await raw(asset.fileUrl)).status).toBe(404);
      expect(await storedFiles()).toEqual(files.filter((f) => !f.startsWith(asset.id)));
    }
  });

  it('never shows an asset to another workspace', async () => {
    const a = (await upload(await makePng(), 'private.png', 'image/png')).body;
    const stranger = (await signUpUser(t.baseUrl, 'Stranger')).client;
    const theirs = (await stranger.post('/api/workspaces', { name: 'Theirs' })).body.id;
    const theirToken = (await stranger.post(`/api/workspaces/${theirs}/tokens`, { name: 't', scopes: ['media:read', 'media:write'] })).body.token;
    for (const path of [`/api/workspaces/${ws}/media/${a.id}`, `/api/workspaces/${ws}/media/${a.id}/file`, `/api/workspaces/${ws}/media/${a.id}/thumbnail`, `/api/workspaces/${ws}/media`]) {
      expect((await stranger.get(path)).status, path).toBe(404);
    }
    // Their own workspace in the URL, our asset id: still not found.
    expect((await stranger.get(`/api/workspaces/${theirs}/media/${a.id}`)).status).toBe(404);
    expect((await stranger.patch(`/api/workspaces/${theirs}/media/${a.id}`, { altText: 'mine' })).status).toBe(404);
    expect((await stranger.delete(`/api/workspaces/${theirs}/media/${a.id}`)).status).toBe(404);
    const viaToken = await fetch(`${t.baseUrl}/api/workspaces/${theirs}/media/${a.id}/file`, { headers: { authorization: `Bearer ${theirToken}` } });
    expect(viaToken.status).toBe(404);
    expect((await owner.get(`/api/workspaces/${ws}/media/${a.id}`)).body.altText).toBe('');
  });
});

describe('for the publisher', () => {
  it('loadPublishMedia gives the bytes, type, alt text and size of each asset, in the order asked, only from the workspace', async () => {
    const png = await makePng(64, 48);
    const jpeg = await makeJpeg(120, 80);
    const a = (await upload(png, 'first.png', 'image/png', 'First')).body;
    const b = (await upload(jpeg, 'second.jpg', 'image/jpeg', 'Second')).body;
    const media = await loadPublishMedia(t.database.db, t.ctx.storage, ws, [b.id, a.id]);
    expect(media.map((m) => [m.mimeType, m.altText, m.width, m.height])).toEqual([['image/jpeg', 'Second', 120, 80], ['image/png', 'First', 64, 48]]);
    expect(Buffer.from(media[1]!.bytes).equals(png)).toBe(true);
    expect(sha(Buffer.from(media[0]!.bytes))).toBe(b.sha256);

    const other = (await owner.post('/api/workspaces', { name: 'Elsewhere' })).body.id;
    await expect(loadPublishMedia(t.database.db, t.ctx.storage, other, [a.id])).rejects.toMatchObject({ code: 'NOT_FOUND', details: { missing: [a.id] } });
    const checkable = await loadMediaForChecks(t.database.db, ws, [a.id, b.id]);
    expect(checkMediaForNetwork(checkable, sinkCapabilities.media, 'Local sink')).toEqual([]);
  });
});

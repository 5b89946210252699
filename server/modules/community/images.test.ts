import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { makeGif, makeNoisePng, makePng } from '../media/testMedia';
import { communityOwner, createSpace, joinCommunity, MemberClient } from './testMembers';

/** Images in posts: member and staff uploads cleaned by the media module, our own images only, per-member limits. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
const PUBLIC = 'https://forum.example.test';

beforeAll(async () => {
  t = await startTestTandem({ PUBLIC_URL: PUBLIC, COMMUNITY_IMAGE_MAX_BYTES: '200000', COMMUNITY_IMAGE_UPLOADS_PER_DAY: '3' });
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Aurora'));
  await createSpace(owner, ws, { slug: 'chiacchiere' });
});
afterAll(async () => t?.stop());

function form(bytes: Buffer, name: string, type: string, altText?: string) {
  const f = new FormData();
  if (altText !== undefined) f.append('altText', altText);
  f.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return f;
}
const photoWithGps = () =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: '#a16207' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'secret-camera-owner', Make: 'SpyCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '44/1 29/1 0/1' } })
    .toBuffer();
const pathOf = (url: string) => url.slice(PUBLIC.length);

describe('uploading images for posts', () => {
  it('stores a member image without its metadata, served from our own address', async () => {
    const m = await joinCommunity(t, ws, { name: 'Giulia' });
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await m.post('/images', form(original, 'IMG_0001.jpg', 'image/jpeg', 'Latte art [heart]'));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ mimeType: 'image/jpeg', width: 300, height: 200, altText: 'Latte art [heart]' });
    expect(res.body.url).toBe(`${PUBLIC}/api/communities/${ws}/images/${res.body.id}`);
    expect(res.body.markdown).toBe(`![Latte art  heart](${res.body.url})`);

    const file = await fetch(`${t.baseUrl}${pathOf(res.body.url)}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await file.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes('secret-camera-owner')).toBe(false);
    expect(bytes.includes('SpyCam')).toBe(false);
    expect((await fetch(`${t.baseUrl}/api/communities/${ws}/images/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });

  it('refuses what is not an image, too large files, anonymous and unchecked writers', async () => {
    const m = await joinCommunity(t, ws);
    const text = await m.post('/images', form(Buffer.from('just some text, not a picture at all'), 'cat.png', 'image/png'));
    expect(text.status).toBe(400);
    expect(text.body.error.details.reason).toBe('unsupported_type');
    const big = await m.post('/images', form(await makeNoisePng(400, 400), 'noise.png', 'image/png'));
    expect(big.status).toBe(413);
    expect(big.body.error.details.reason).toBe('too_large');
    const none = await m.post('/images', new FormData());
    expect(none.status).toBe(400);
    const json = await m.post('/images', { file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body.error.details.reason).toBe('not_multipart');

    const anon = new MemberClient(t.baseUrl, ws);
    expect((await anon.post('/images', form(await makePng(), 'a.png', 'image/png'))).status).toBe(401);
    const noCsrf = await joinCommunity(t, ws);
    noCsrf.csrf = '';
    expect((await noCsrf.post('/images', form(await makePng(), 'a.png', 'image/png'))).body.error.code).toBe('CSRF_FAILED');
    const fresh = await joinCommunity(t, ws, { acknowledge: false });
    const gated = await fresh.post('/images', form(await makePng(), 'a.png', 'image/png'));
    expect(gated.status).toBe(403);
    expect(gated.body.error.details.reason).toBe('guidelines_not_acknowledged');
  });

  it('limits each member per 24 hours, staff not', async () => {
    const m = await joinCommunity(t, ws);
    const png = await makePng();
    // Three at once: the member's row is locked while counting, so a fourth cannot slip in.
    const first = await Promise.all([1, 2, 3, 4].map(() => m.post('/images', form(png, 'a.png', 'image/png'))));
    expect(first.map((r) => r.status).sort()).toEqual([201, 201, 201, 429]);
    const limited = first.find((r) => r.status === 429)!;
    expect(limited.body.error.details.reason).toBe('upload_limit');
    expect(limited.body.error.details.retryAfterSeconds).toBeGreaterThan(86_000);
    expect((await (await joinCommunity(t, ws)).post('/images', form(png, 'a.png', 'image/png'))).status).toBe(201);
    for (let i = 0; i < 4; i++) expect((await owner.post(`/api/workspaces/${ws}/community/images`, form(await makeGif(), 'loop.gif', 'image/gif'))).status).toBe(201);
  });
});

describe('images in Markdown', () => {
  it('shows only images uploaded to this community, at their size, and links anything else', async () => {
    const m = await joinCommunity(t, ws);
    const img = (await m.post('/images', form(await makePng(64, 48), 'a.png', 'image/png', 'A cup'))).body;
    const other = await communityOwner(t, 'Altro Bar');
    const foreign = (await other.owner.post(`/api/workspaces/${other.workspaceId}/community/images`, form(await makePng(), 'b.png', 'image/png'))).body;
    expect(foreign.url).toBeTruthy();
    const body = [
      `![A cup](${img.url})`,
      `![relative](${pathOf(img.url)})`,
      '![hotlinked](https://img.example/cat.png)',
      `![elsewhere](${foreign.url})`,
      `![unknown](${PUBLIC}/api/communities/${ws}/images/00000000-0000-4000-8000-000000000000)`,
      `![look-alike](https://evil.example/api/communities/${ws}/images/${img.id})`,
      `<img src="${pathOf(img.url)}" onerror="alert(1)">`,
    ].join('\n\n');
    const res = await m.post('/spaces/chiacchiere/threads', { title: 'Pictures', body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const html: string = res.body.posts[0].bodyHtml;
    const imgs = html.match(/<img[^>]*>/g) ?? [];
    expect(imgs).toEqual([
      `<img src="/api/communities/${ws}/images/${img.id}" alt="A cup" width="64" height="48" />`,
      `<img src="/api/communities/${ws}/images/${img.id}" alt="relative" width="64" height="48" />`,
    ]);
    expect(html).toContain('<a href="https://img.example/cat.png" rel="nofollow ugc noopener noreferrer">hotlinked</a>');
    expect(html).toContain(`>elsewhere</a>`);
    expect(html).toContain(`>unknown</a>`);
    expect(html).toContain(`<a href="https://evil.example/api/communities/${ws}/images/${img.id}" rel="nofollow ugc noopener noreferrer">look-alike</a>`);
    expect(html).toContain('&lt;img');
    expect(html).not.toMatch(/<[^>]*(onerror|srcset)/);

    // Editing re-renders with the same rules; staff posts too.
    const edited = await m.patch(`/posts/${res.body.posts[0].id}`, { body: `Only this: ![x](${img.url})` });
    expect(edited.body.bodyHtml).toBe(`<p>Only this: <img src="/api/communities/${ws}/images/${img.id}" alt="x" width="64" height="48" /></p>`);
    const staffImg = (await owner.post(`/api/workspaces/${ws}/community/images`, form(await makePng(10, 20), 's.png', 'image/png'))).body;
    const staffReply = await owner.post(`/api/workspaces/${ws}/community/threads/${res.body.id}/replies`, { body: staffImg.markdown });
    expect(staffReply.body.bodyHtml).toBe(`<p><img src="/api/communities/${ws}/images/${staffImg.id}" alt="" width="10" height="20" /></p>`);
  });
});

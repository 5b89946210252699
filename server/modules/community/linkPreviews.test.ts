import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../test/apiClient';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { until } from '../../test/until';
import { standaloneLinks } from './linkPreviews';
import { communityOwner, createSpace, joinCommunity } from './testMembers';

/** Link cards on community posts: standalone links only, fetched by a job after saving, kept in step with edits. */
let t: TestTandem;
let ws: string;
let owner: ApiClient;
let site: Server;
let siteUrl: string;
let release: (() => void) | null = null;
let hits = 0;

const page = (title: string, extra = '') =>
  `<!doctype html><html><head><title>x</title><meta property="og:title" content="${title}"><meta property="og:description" content="About ${title}"><meta property="og:site_name" content="Coffee Site"><meta property="og:image" content="/img/${title}.png">${extra}</head><body></body></html>`;

beforeAll(async () => {
  site = createServer((req, res) => {
    hits++;
    const send = () => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      if (req.url === '/evil') res.end(page('Evil', '').replace('/img/Evil.png', 'javascript:alert(1)'));
      else res.end(page(decodeURIComponent(req.url!.slice(1)) || 'Home'));
    };
    // /slow waits until the test lets it answer: the post must not wait for it.
    if (req.url === '/slow') release = send;
    else send();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  t = await startTestTandem({ LINK_PREVIEW_PRIVATE_HOSTS: 'true' });
  ({ owner, workspaceId: ws } = await communityOwner(t, 'Caffè Aurora'));
  await createSpace(owner, ws, { slug: 'chiacchiere' });
});
afterAll(async () => {
  await t?.stop();
  site?.close();
});

describe('standaloneLinks', () => {
  it('takes links alone on their line, outside code, without repeats, at most three', () => {
    const src = ['Look at https://a.example/x in a sentence', 'https://b.example/one', '  <https://c.example/two>  ', '```', 'https://d.example/code', '```', '    https://e.example/indented', 'https://b.example/one', 'https://f.example/3', 'https://g.example/4'].join('\n');
    expect(standaloneLinks(src)).toEqual(['https://b.example/one', 'https://c.example/two', 'https://f.example/3']);
    expect(standaloneLinks('javascript:alert(1)\nftp://x.example/')).toEqual([]);
  });
});

describe('link previews on posts', () => {
  it('saves the post at once, then a job stores the card; a link inside a sentence gets none', async () => {
    const m = await joinCommunity(t, ws);
    const res = await m.post('/spaces/chiacchiere/threads', { title: 'Our roaster', body: `Our roaster:\n${siteUrl}/slow\n\nAlso see ${siteUrl}/Inline here.` });
    // The site has not answered yet, and the post is already saved.
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.posts[0].linkPreviews).toEqual([]);
    await until('the job to reach the site', async () => release);
    release!();
    const thread = await until('the card', async () => {
      const r = await m.get(`/threads/${res.body.id}`);
      return r.body.posts[0].linkPreviews.length ? r.body : null;
    });
    expect(thread.posts[0].linkPreviews).toEqual([{ url: `${siteUrl}/slow`, title: 'slow', description: 'About slow', imageUrl: `${siteUrl}/img/slow.png`, siteName: 'Coffee Site' }]);
    // The team sees it too, and anonymous readers of a public space.
    expect((await owner.get(`/api/workspaces/${ws}/community/threads/${res.body.id}`)).body.posts[0].linkPreviews).toHaveLength(1);
  });

  it('follows edits: removed links lose their card, new ones get theirs; unsafe image addresses are dropped', async () => {
    const m = await joinCommunity(t, ws);
    const thread = (await m.post('/spaces/chiacchiere/threads', { title: 'Two links', body: `${siteUrl}/First\n${siteUrl}/Second` })).body;
    const postId = thread.posts[0].id;
    const cards = async () => (await m.get(`/threads/${thread.id}`)).body.posts[0].linkPreviews as { url: string; title: string; imageUrl: string | null }[];
    await until('two cards', async () => (await cards()).length === 2);
    const hitsBefore = hits;
    const edited = await m.patch(`/posts/${postId}`, { body: `${siteUrl}/Second\n${siteUrl}/evil` });
    expect(edited.status).toBe(200);
    // The kept card stays at once; the removed one is gone.
    expect(edited.body.linkPreviews.map((c: { title: string }) => c.title)).toEqual(['Second']);
    const after = await until('the new card', async () => ((await cards()).length === 2 ? cards() : null));
    expect(after.map((c) => c.title)).toEqual(['Second', 'Evil']);
    expect(after[1]!.imageUrl).toBeNull();
    // Only the new link was fetched again.
    expect(hits - hitsBefore).toBe(1);

    const reply = await m.post(`/threads/${thread.id}/replies`, { body: `${siteUrl}/Reply` });
    await until('the reply card', async () => (await m.get(`/threads/${thread.id}`)).body.posts.find((p: { id: string }) => p.id === reply.body.id).linkPreviews.length === 1);
    expect((await m.delete(`/posts/${reply.body.id}`)).status).toBe(200);
    expect((await m.get(`/threads/${thread.id}`)).body.posts.find((p: { id: string }) => p.id === reply.body.id).linkPreviews).toEqual([]);
  });
});

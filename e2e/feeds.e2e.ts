/**
 * Journey: an owner connects a (local sink) channel, opens Feeds from the navigation, is told in
 * words that a web page is not a feed, adds the feed the page names, sees that its current articles
 * made no drafts, fetches it after a new article appeared, and opens the draft in the composer.
 * The feed is served on loopback, so the server runs with LINK_PREVIEW_PRIVATE_HOSTS=true (and
 * ENABLE_SINK_CONNECTOR=true); the harness passes the env on.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createWorkspace, journey, newUser, signUp, skipReason, snapshot, step, textbox, untranslatedKeys } from './harness';

process.env.ENABLE_SINK_CONNECTOR = 'true';
process.env.LINK_PREVIEW_PRIVATE_HOSTS = 'true';

const skip = skipReason();
const OWNER = { name: 'Fede Feeds', email: `fede.${Date.now()}@example.test`, password: 'correct horse battery staple' };
const SINK = 'e2e-feeds';

const items = [
  { guid: 'a1', title: 'Our autumn blend is here', link: 'https://caffeaurora.demo/blog/autumn-blend' },
  { guid: 'a2', title: 'Latte art night', link: 'https://caffeaurora.demo/blog/latte-art' },
];
const rss = () =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Caffè Aurora Journal</title><link>https://caffeaurora.demo/blog</link><description>News</description>${items
    .map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid isPermaLink="false">${i.guid}</guid></item>`)
    .reverse()
    .join('')}</channel></rss>`;

describe('feeds journey: add a feed, new articles become drafts', { skip: skip ?? false, timeout: 240_000 }, () => {
  const env = journey();
  let page: Page;
  let base = '';
  let site: Server;
  let siteUrl = '';

  before(async () => {
    site = createServer((req, res) => {
      if (req.url === '/blog') return res.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body>Blog</body></html>');
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss());
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    page = (await newUser(env.browser)).page;
  });
  after(() => {
    site?.closeAllConnections();
    site?.close();
  });

  test('the owner connects a channel and opens Feeds from the navigation', async () => {
    await step(page, 'open-feeds', async () => {
      await page.goto(`${env.server.baseUrl}/signup`);
      await signUp(page, OWNER);
      await page.waitForURL(/\/workspaces\/new$/);
      base = await createWorkspace(page, 'Feeds Co');
      await page.goto(`${base}/settings/channels`);
      await page.getByRole('combobox', { name: 'Network' }).selectOption('sink');
      await textbox(page, 'Account name').fill(SINK);
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
      await page.getByRole('cell', { name: SINK, exact: true }).first().waitFor();
      await page.getByRole('link', { name: 'Feeds' }).click();
      await page.waitForURL(/\/feeds$/);
      await page.getByRole('heading', { name: 'RSS feeds', level: 1 }).waitFor();
      await page.getByRole('heading', { name: 'No feeds yet' }).waitFor();
    });
  });

  test('a web page is refused with the feed it names; that feed is added without drafts', async () => {
    await step(page, 'add-feed', async () => {
      await textbox(page, 'Feed address').fill(`${siteUrl}/blog`);
      await page.getByRole('checkbox', { name: SINK }).check();
      await page.getByRole('button', { name: 'Add feed' }).click();
      await page.getByText(`This is a web page, not a feed. The page names its feed at ${siteUrl}/feed.xml: add that address.`).waitFor();
      await textbox(page, 'Feed address').fill(`${siteUrl}/feed.xml`);
      await page.getByRole('button', { name: 'Add feed' }).click();
      const card = page.getByRole('article', { name: 'Caffè Aurora Journal' });
      await card.getByText('2 items seen').waitFor();
      await card.getByText('No drafts yet: new articles will appear here.').waitFor();
      assert.deepEqual(await untranslatedKeys(page), []);
    });
  });

  test('a new article becomes one draft, opened in the composer', async () => {
    await step(page, 'fetch-now', async () => {
      items.push({ guid: 'a3', title: 'Roastery tour on Saturday', link: 'https://caffeaurora.demo/blog/roastery-tour' });
      const card = page.getByRole('article', { name: 'Caffè Aurora Journal' });
      await card.getByRole('button', { name: 'Fetch Caffè Aurora Journal now' }).click();
      await page.getByText('1 new draft.').waitFor();
      await card.getByRole('link', { name: 'Roastery tour on Saturday' }).waitFor();
      await snapshot(page, 'feeds-with-draft');
      await card.getByRole('button', { name: 'Fetch Caffè Aurora Journal now' }).click();
      await page.getByText('Nothing new in this feed.').waitFor();
      await card.getByRole('link', { name: 'Roastery tour on Saturday' }).click();
      await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
      await page.getByText('Draft', { exact: true }).first().waitFor();
      assert.equal(await textbox(page, 'Text').inputValue(), 'Roastery tour on Saturday\n\nhttps://caffeaurora.demo/blog/roastery-tour');
    });
  });
});

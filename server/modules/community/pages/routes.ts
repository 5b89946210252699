import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { z } from 'zod';
import { ForumApp } from '../../../../web/src/forum/ForumApp';
import { createForumT } from '../../../../web/src/forum/i18n';
import { htmlInPage } from '../../../../web/src/forum/embed';
import type { ForumData } from '../../../../web/src/forum/pageData';
import { forumPaths } from '../../../../web/src/forum/paths';
import { PublicCommunity } from '../../../../shared/contracts/community';
import { notFound } from '../../../errors';
import { MEMBER_COOKIE, viewerOf } from '../memberSession';
import { presentMe, presentPublicCommunity } from '../presenters';
import { findCommunity } from '../queries/findCommunity';
import { countUnreadNotifications } from '../queries/listMemberNotifications';
import { listCommunityIds } from '../queries/listCommunityIds';
import { listSitemapEntries } from '../queries/listSitemapEntries';
import { loadForumPage, type ForumRoute } from '../queries/loadForumPage';
import { forumAssets } from './forumAssets';
import { forumDocument } from './forumDocument';
import { allForumStrings, forumStrings, pickForumLocale } from './forumLocale';
import { PageCache } from './pageCache';
import { pageMeta } from './pageMeta';
import { escapeHtml } from './plainText';

const Uuid = z.uuid();
// Member avatars are http(s) addresses elsewhere; everything else stays as strict as the app's policy.
const FORUM_CSP = "default-src 'self'; base-uri 'self'; font-src 'self' https: data:; form-action 'self'; frame-ancestors 'self'; img-src 'self' data: https:; object-src 'none'; script-src 'self'; script-src-attr 'none'; style-src 'self' 'unsafe-inline'";

type Params = { communityId: string; slug?: string; threadId?: string; titleSlug?: string; memberId?: string };
type Query = Record<string, string | string[] | undefined>;
/** One value of a query parameter (the first when repeated). */
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** The public community as complete HTML pages (K5): readable without JavaScript, hydrated by the forum bundle. */
export function communityPageRoutes(opts: { webDist: string; cacheSeconds: number }): FastifyPluginAsync {
  return async (app) => {
    const cache = new PageCache(opts.cacheSeconds * 1000);
    const page = (path: string, route: (p: Params, q: Query) => ForumRoute | null) =>
      app.get(`/c/:communityId${path}`, { schema: { hide: true } }, async (req, reply) => {
        const params = req.params as Params;
        if (!Uuid.safeParse(params.communityId).success) throw notFound('That community');
        const target = route(params, req.query as Query);
        if (!target) throw notFound('That page');
        return renderPage(req, reply, params, target, { webDist: opts.webDist, cache });
      });
    page('', () => ({ kind: 'home' }));
    page('/s/:slug', (p) => ({ kind: 'space', slug: p.slug ?? '' }));
    page('/t/:threadId', (p) => (Uuid.safeParse(p.threadId).success ? { kind: 'thread', threadId: p.threadId! } : null));
    page('/t/:threadId/:titleSlug', (p) => (Uuid.safeParse(p.threadId).success ? { kind: 'thread', threadId: p.threadId! } : null));
    page('/u/:memberId', (p) => (Uuid.safeParse(p.memberId).success ? { kind: 'profile', memberId: p.memberId! } : null));
    page('/join', () => ({ kind: 'join' }));
    page('/signin', () => ({ kind: 'signin' }));
    page('/guidelines', () => ({ kind: 'guidelines' }));
    page('/forgot', () => ({ kind: 'forgot' }));
    page('/reset', () => ({ kind: 'reset' }));
    page('/magic', () => ({ kind: 'magic' }));
    page('/settings', () => ({ kind: 'settings' }));
    page('/search', (_, q) => ({ kind: 'search', q: one(q.q) ?? '', space: one(q.space) || null, page: Number.parseInt(one(q.page) ?? '1', 10) || 1 }));
    page('/notifications', (_, q) => {
      const cursor = one(q.cursor);
      return cursor === undefined || Uuid.safeParse(cursor).success ? { kind: 'notifications', cursor: cursor ?? null } : null;
    });

    app.get('/c/:communityId/sitemap.xml', { schema: { hide: true } }, async (req, reply) => {
      const { communityId } = req.params as Params;
      if (!Uuid.safeParse(communityId).success) throw notFound('That community');
      await findCommunity(req.ctx.db, communityId);
      const { spaces, threads } = await listSitemapEntries(req.ctx.db, communityId);
      const origin = req.ctx.publicUrl;
      const url = (path: string, lastmod?: Date) => `<url><loc>${escapeHtml(origin + path)}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>`;
      const urls = [url(forumPaths.home(communityId)), ...spaces.map((s) => url(forumPaths.space(communityId, s.slug))), ...threads.map((t) => url(forumPaths.thread(communityId, t.id, t.title), t.lastPostedAt))];
      return reply.type('application/xml; charset=utf-8').send(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('')}</urlset>\n`);
    });

    app.get('/robots.txt', { schema: { hide: true } }, async (req, reply) => {
      const ids = await listCommunityIds(req.ctx.db);
      const lines = ['User-agent: *', 'Allow: /c/', 'Disallow: /c/*/join', 'Disallow: /c/*/signin', 'Disallow: /c/*/forgot', 'Disallow: /c/*/reset', 'Disallow: /c/*/magic', 'Disallow: /c/*/settings', 'Disallow: /c/*/search', 'Disallow: /c/*/notifications', 'Disallow: /', '', ...ids.map((id) => `Sitemap: ${req.ctx.publicUrl}/c/${id}/sitemap.xml`)];
      return reply.type('text/plain; charset=utf-8').send(`${lines.join('\n')}\n`);
    });
  };
}

async function renderPage(req: FastifyRequest, reply: FastifyReply, params: Params, route: ForumRoute, opts: { webDist: string; cache: PageCache }) {
  const locale = pickForumLocale(req, reply);
  // Only anonymous readers share pages; ?lang= answers set a cookie, so they are rendered each time.
  const cacheKey = !req.cookies[MEMBER_COOKIE] && !(req.query as { lang?: string }).lang ? `${locale} ${req.url}` : null;
  const hit = cacheKey ? opts.cache.get(cacheKey) : null;
  if (hit) return sendPage(reply, hit.status, hit.body, false);
  // A workspace without a community exposes nothing: a plain 404 (never the app's page).
  const community = await findCommunity(req.ctx.db, params.communityId);
  const viewer = await viewerOf(req, params.communityId);
  const forumPage = await loadForumPage(req.ctx.db, viewer, route);
  // One address per thread: an old or missing title slug redirects to the current one.
  if (forumPage.kind === 'thread') {
    const canonical = forumPaths.thread(params.communityId, forumPage.thread.id, forumPage.thread.title);
    if (req.url.split('?')[0] !== canonical) return reply.redirect(canonical + (req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''), 301);
  }
  const me = viewer.kind === 'member' ? presentMe(viewer.member, viewer.csrfToken) : null;
  const data: ForumData = {
    locale,
    strings: forumStrings(locale, forumPage.kind),
    community: PublicCommunity.parse(presentPublicCommunity(community)),
    me: me?.member ?? null,
    csrfToken: me?.csrfToken ?? null,
    page: forumPage,
    unreadNotifications: viewer.kind === 'member' ? (forumPage.kind === 'notifications' ? forumPage.unreadCount : await countUnreadNotifications(req.ctx.db, viewer)) : null,
  };
  const t = createForumT(locale, allForumStrings(locale));
  const meta = pageMeta(data, t, req.ctx.publicUrl);
  const body = renderToString(createElement(ForumApp, { data }));
  const html = forumDocument({ data: withoutSources(data), meta, origin: req.ctx.publicUrl, assets: forumAssets(opts.webDist), body });
  const status = forumPage.kind === 'error' ? forumPage.status : 200;
  if (cacheKey && !me) opts.cache.set(cacheKey, status, html);
  return sendPage(reply, status, html, Boolean(me));
}

function sendPage(reply: FastifyReply, status: number, html: string | Buffer, personal: boolean) {
  return reply
    .code(status)
    .header('content-security-policy', FORUM_CSP)
    .header('cache-control', personal ? 'private, no-store' : 'no-cache')
    .header('vary', 'Cookie, Accept-Language')
    .type('text/html; charset=utf-8')
    .send(html);
}

/**
 * What the page embeds for hydration: without the Markdown sources (the page draws the HTML) and
 * without the HTML of posts already in the page (the bundle reads it back from there: embed.ts).
 */
function withoutSources(data: ForumData): ForumData {
  if (data.page.kind !== 'thread') return data;
  const thread = data.page.thread;
  return { ...data, page: { ...data.page, thread: { ...thread, posts: thread.posts.map((p) => ({ ...p, bodySource: null, bodyHtml: htmlInPage(p) ? null : p.bodyHtml })) } } };
}

import type { ForumData } from '../../../../web/src/forum/pageData';
import { embedJson, FORUM_DATA_ID, FORUM_ROOT_ID } from '../../../../web/src/forum/embed';
import { FORUM_LOCALES } from '../../../../web/src/forum/pageData';
import type { ForumAssets } from './forumAssets';
import type { PageMeta } from './pageMeta';
import { escapeHtml } from './plainText';

const OG_LOCALE = { en: 'en_US', it: 'it_IT', es: 'es_ES' } as const;

/** The complete HTML page: head with meta, Open Graph, Twitter card and JSON-LD; body readable without JavaScript. */
export function forumDocument(opts: { data: ForumData; meta: PageMeta; origin: string; assets: ForumAssets | null; body: string }): string {
  const { data, meta, origin, assets } = opts;
  const a = escapeHtml;
  const canonical = `${origin}${meta.canonicalPath}`;
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${a(meta.title)}</title>`,
    `<meta name="description" content="${a(meta.description)}">`,
    `<link rel="canonical" href="${a(canonical)}">`,
    ...FORUM_LOCALES.map((l) => `<link rel="alternate" hreflang="${l}" href="${a(`${canonical}?lang=${l}`)}">`),
    meta.indexable ? '' : '<meta name="robots" content="noindex">',
    `<meta property="og:type" content="${meta.ogType}">`,
    `<meta property="og:site_name" content="${a(data.community.name)}">`,
    `<meta property="og:title" content="${a(meta.title)}">`,
    `<meta property="og:description" content="${a(meta.description)}">`,
    `<meta property="og:url" content="${a(canonical)}">`,
    `<meta property="og:locale" content="${OG_LOCALE[data.locale]}">`,
    '<meta name="twitter:card" content="summary">',
    `<meta name="twitter:title" content="${a(meta.title)}">`,
    `<meta name="twitter:description" content="${a(meta.description)}">`,
    meta.jsonLd ? `<script type="application/ld+json">${embedJson(meta.jsonLd)}</script>` : '',
    ...(assets?.styles ?? []).map((href) => `<link rel="stylesheet" href="${a(href)}">`),
    ...(assets?.preloads ?? []).map((href) => `<link rel="modulepreload" href="${a(href)}">`),
  ].filter(Boolean);
  const script = assets ? `<script id="${FORUM_DATA_ID}" type="application/json">${embedJson(data)}</script><script type="module" src="${a(assets.script)}"></script>` : '';
  return `<!doctype html><html lang="${data.locale}"><head>${head.join('')}</head><body><div id="${FORUM_ROOT_ID}">${opts.body}</div>${script}</body></html>`;
}

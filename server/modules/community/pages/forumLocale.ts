import { readFileSync } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FORUM_LOCALES, type ForumLocale, type ForumPage } from '../../../../web/src/forum/pageData';

export const FORUM_LANG_COOKIE = 'tandem_forum_lang';

// The forum's strings live with the web app's in the locale files (one place for every string).
const strings = Object.fromEntries(
  FORUM_LOCALES.map((l) => {
    const file = JSON.parse(readFileSync(new URL(`../../../../web/src/locales/${l}.json`, import.meta.url), 'utf8')) as { forum: Record<string, unknown> };
    return [l, file.forum];
  }),
) as Record<ForumLocale, Record<string, unknown>>;

/**
 * Sections of the `forum` strings only some pages draw (the rest travel with every page): leaving
 * them out of other pages keeps a long thread's page light. `meta` is for the server's head tags.
 */
const ONLY_ON: Record<string, readonly ForumPage['kind'][]> = {
  home: ['home'],
  visibility: ['home'],
  newThread: ['space'],
  space: ['space'],
  profile: ['profile', 'settings'],
  trust: ['profile'],
  meta: [],
};
/** Parts every page needs from sections otherwise kept to a few pages (the account menu, the posting gate). */
const ALWAYS: Record<string, readonly string[]> = { settings: ['link'], account: ['signIn', 'join', 'signOut'], error: ['home'] };
const FULL: Record<string, readonly ForumPage['kind'][]> = { settings: ['settings'], account: ['join', 'signin', 'forgot', 'reset', 'magic', 'settings', 'error'], error: ['error', 'join', 'signin'] };

/** The strings a page of this kind draws, in the reader's language. */
export function forumStrings(locale: ForumLocale, kind: ForumPage['kind']): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [section, value] of Object.entries(strings[locale])) {
    if (ONLY_ON[section] && !ONLY_ON[section].includes(kind)) continue;
    const always = ALWAYS[section];
    if (always && !FULL[section]!.includes(kind)) out[section] = Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([k]) => always.includes(k)));
    else out[section] = value;
  }
  return out;
}

/** Every string of the forum in this language (the server's own head tags use them). */
export function allForumStrings(locale: ForumLocale): Record<string, unknown> {
  return strings[locale];
}

function asLocale(value: unknown): ForumLocale | null {
  const base = typeof value === 'string' ? value.toLowerCase().slice(0, 2) : '';
  return (FORUM_LOCALES as readonly string[]).includes(base) ? (base as ForumLocale) : null;
}

/** ?lang= (remembered in a cookie), else the cookie, else the browser's Accept-Language, else English. */
export function pickForumLocale(req: FastifyRequest, reply: FastifyReply): ForumLocale {
  const asked = asLocale((req.query as { lang?: unknown } | undefined)?.lang);
  if (asked) {
    reply.setCookie(FORUM_LANG_COOKIE, asked, { path: '/c/', maxAge: 365 * 86_400, sameSite: 'lax', httpOnly: true });
    return asked;
  }
  const remembered = asLocale(req.cookies[FORUM_LANG_COOKIE]);
  if (remembered) return remembered;
  const accepted = (req.headers['accept-language'] ?? '')
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { locale: asLocale(tag), q: q === undefined ? 1 : Number(q) };
    })
    .filter((a): a is { locale: ForumLocale; q: number } => a.locale !== null && a.q > 0)
    .sort((a, b) => b.q - a.q);
  return accepted[0]?.locale ?? 'en';
}

import type { Thread } from '../../../../shared/contracts/community';
import type { ForumData } from '../../../../web/src/forum/pageData';
import type { ForumT } from '../../../../web/src/forum/i18n';
import { forumPaths } from '../../../../web/src/forum/paths';
import { excerpt, plainText } from './plainText';

export interface PageMeta {
  title: string;
  description: string;
  /** Path of the page's one address (no ?lang, no trailing title change). */
  canonicalPath: string;
  ogType: 'website' | 'article';
  /** Public content only: members-only pages, forms and errors ask search engines not to index them. */
  indexable: boolean;
  jsonLd: Record<string, unknown> | null;
}

/** Title, description, canonical address and structured data of a forum page. */
export function pageMeta(data: ForumData, t: ForumT, origin: string): PageMeta {
  const c = data.community;
  const page = data.page;
  const site = { title: c.name, description: excerpt(c.description || t('forum.meta.defaultDescription', { name: c.name })), ogType: 'website' as const, jsonLd: null };
  switch (page.kind) {
    case 'home':
      return { ...site, canonicalPath: forumPaths.home(c.id), indexable: true };
    case 'space':
      return {
        ...site,
        title: `${page.space.name} · ${c.name}`,
        description: excerpt(page.space.description || site.description),
        canonicalPath: forumPaths.space(c.id, page.space.slug),
        indexable: page.space.visibility === 'public',
      };
    case 'thread': {
      const th = page.thread;
      const opening = th.posts.find((p) => p.isOpening);
      const path = forumPaths.thread(c.id, th.id, th.title);
      return {
        title: `${th.title} · ${c.name}`,
        description: excerpt(plainText(opening?.bodyHtml ?? '') || th.title),
        canonicalPath: path,
        ogType: 'article',
        indexable: th.space.visibility === 'public' && th.state === 'published',
        jsonLd: discussionForumPosting(th, `${origin}${path}`, origin, c.id),
      };
    }
    case 'profile':
      return { ...site, title: `${page.profile.displayName} · ${c.name}`, description: excerpt(page.profile.bio || site.description), canonicalPath: forumPaths.profile(c.id, page.profile.id), indexable: true };
    case 'guidelines':
      return { ...site, title: `${t('forum.guidelines.title')} · ${c.name}`, canonicalPath: forumPaths.guidelines(c.id), indexable: true };
    case 'settings':
      return { ...site, title: `${t('forum.settings.title')} · ${c.name}`, canonicalPath: forumPaths.settings(c.id), indexable: false };
    case 'search':
      // Result pages are for the reader who asked: never indexed (robots.txt also keeps crawlers out).
      return { ...site, title: `${page.q.trim() ? t('forum.search.titleFor', { q: page.q.trim() }) : t('forum.search.title')} · ${c.name}`, canonicalPath: forumPaths.search(c.id), indexable: false };
    case 'notifications':
      return { ...site, title: `${t('forum.notifications.title')} · ${c.name}`, canonicalPath: forumPaths.notifications(c.id), indexable: false };
    case 'join':
    case 'signin':
    case 'forgot':
    case 'reset':
    case 'magic':
      return { ...site, title: `${t(`forum.account.${page.kind}Title`)} · ${c.name}`, canonicalPath: forumPaths[page.kind](c.id), indexable: false };
    case 'error':
      return { ...site, title: `${t(`forum.error.title${page.status}`)} · ${c.name}`, canonicalPath: forumPaths.home(c.id), indexable: false };
  }
}

/** schema.org DiscussionForumPosting with its replies as comments (what search engines read for forums). */
function discussionForumPosting(th: Thread, url: string, origin: string, communityId: string): Record<string, unknown> {
  const person = (a: Thread['author']) => ({
    '@type': 'Person',
    name: a.displayName,
    ...(a.kind === 'member' && a.id && { url: `${origin}${forumPaths.profile(communityId, a.id)}` }),
  });
  const published = th.posts.filter((p) => p.state === 'published');
  const opening = published.find((p) => p.isOpening);
  const replies = published.filter((p) => !p.isOpening && !p.deleted);
  return {
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    '@id': url,
    url,
    headline: th.title,
    text: opening && !opening.deleted ? plainText(opening.bodyHtml ?? '') : '',
    author: person(th.author),
    datePublished: th.createdAt,
    ...(opening?.editedAt && { dateModified: opening.editedAt }),
    interactionStatistic: { '@type': 'InteractionCounter', interactionType: 'https://schema.org/CommentAction', userInteractionCount: th.replyCount },
    comment: replies.map((p) => ({ '@type': 'Comment', url: `${url}#post-${p.id}`, text: plainText(p.bodyHtml ?? ''), author: person(p.author), datePublished: p.createdAt })),
  };
}

import type { ForumData } from './pageData';

export const FORUM_ROOT_ID = 'forum-root';
export const FORUM_DATA_ID = 'forum-data';

/** JSON safe inside <script type="application/json">: no "</script>", no HTML comment openers, no line separators. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function readForumData(doc: Document): ForumData | null {
  const text = doc.getElementById(FORUM_DATA_ID)?.textContent;
  return text ? withPostHtmlFromPage(JSON.parse(text) as ForumData, doc) : null;
}

/** A post whose words are in the page already: the embedded data leaves its HTML out (it would travel twice). */
export const htmlInPage = (p: { bodyHtml: string | null; deleted: boolean; placeholder: string | null }) => !p.deleted && p.placeholder === null;

/** Puts back the posts' HTML the server left out of the data, read from the rendered page itself. */
function withPostHtmlFromPage(data: ForumData, doc: Document): ForumData {
  if (data.page.kind !== 'thread') return data;
  const posts = data.page.thread.posts.map((p) => (htmlInPage(p) && p.bodyHtml === null ? { ...p, bodyHtml: doc.querySelector(`[id="post-${p.id}"] > .prose`)?.innerHTML ?? '' } : p));
  return { ...data, page: { ...data.page, thread: { ...data.page.thread, posts } } };
}

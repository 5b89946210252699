import type { ForumData } from './pageData';

export const FORUM_ROOT_ID = 'forum-root';
export const FORUM_DATA_ID = 'forum-data';

/** JSON safe inside <script type="application/json">: no "</script>", no HTML comment openers, no line separators. */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function readForumData(doc: Document): ForumData | null {
  const text = doc.getElementById(FORUM_DATA_ID)?.textContent;
  return text ? (JSON.parse(text) as ForumData) : null;
}

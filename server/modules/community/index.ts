import type { ImportStackExchangeOptions } from './commands/importStackExchange';

export { communityTeamRoutes } from './routes';
export { communityPublicRoutes } from './publicRoutes';
export { renderMarkdown } from './markdown';
export { MEMBER_COOKIE, MEMBER_CSRF_HEADER } from './memberSession';
export { postSearchColumns } from './search/searchVector';
export type { ImportProgress, ImportStackExchangeOptions } from './commands/importStackExchange';

/** Loaded on first use: the server never needs the dump reader (and its XML parser, htmlparser2) to start. */
export async function importStackExchange(opts: ImportStackExchangeOptions) {
  return (await import('./commands/importStackExchange')).importStackExchange(opts);
}

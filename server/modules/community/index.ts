export { communityTeamRoutes } from './routes';
export { communityPublicRoutes } from './publicRoutes';
export { renderMarkdown } from './markdown';
export { MEMBER_COOKIE, MEMBER_CSRF_HEADER } from './memberSession';
export { importStackExchange, DUMP_FILES, type ImportProgress } from './commands/importStackExchange';
export { postSearchColumns } from './search/searchVector';

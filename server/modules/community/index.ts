export { communityTeamRoutes } from './routes';
export { communityPublicRoutes } from './publicRoutes';
export { renderMarkdown } from './markdown';
export { MEMBER_COOKIE, MEMBER_CSRF_HEADER } from './memberSession';
/** The community as a channel: what its connector may do here (connectors/community). */
export { communityHost } from './channelHost';

import type { JobDefinition } from '../../jobs/defineJob';
import { nudgeUnansweredThreads } from './jobs/nudgeUnansweredThreads';
import { postRituals } from './jobs/postRituals';
import { fetchCommunityLinkPreviews } from './jobs/fetchLinkPreviews';

export { communityTeamRoutes } from './routes';
export { communityPublicRoutes } from './publicRoutes';
export { communityImageRoutes } from './imageRoutes';
export { renderMarkdown } from './markdown';
export { MEMBER_COOKIE, MEMBER_CSRF_HEADER } from './memberSession';
export { communityPageRoutes } from './pages/routes';

export const communityJobs: JobDefinition[] = [postRituals, nudgeUnansweredThreads, fetchCommunityLinkPreviews];

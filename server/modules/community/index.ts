import { planDigests } from './jobs/planDigests';
import { remindEvents } from './jobs/remindEvents';
import { sendDigest } from './jobs/sendDigest';

export { communityTeamRoutes } from './routes';
export { communityPublicRoutes } from './publicRoutes';
export { renderMarkdown } from './markdown';
export { MEMBER_COOKIE, MEMBER_CSRF_HEADER } from './memberSession';
export { planDigests, remindEvents, sendDigest };
export const communityJobs = [remindEvents, planDigests, sendDigest];

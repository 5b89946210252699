import type { JobDefinition } from '../../jobs/defineJob';
import { nudgeUnansweredThreads } from './jobs/nudgeUnansweredThreads';
import { postRituals } from './jobs/postRituals';
import { planDigests } from './jobs/planDigests';
import { remindEvents } from './jobs/remindEvents';
import { sendDigest } from './jobs/sendDigest';
import type { ImportStackExchangeOptions } from './commands/importStackExchange';
import { fetchCommunityLinkPreviews } from './jobs/fetchLinkPreviews';

export { communityTeamRoutes } from './routes';
export { communityPublicRoutes } from './publicRoutes';
export { communityImageRoutes } from './imageRoutes';
export { renderMarkdown } from './markdown';
export { MEMBER_COOKIE, MEMBER_CSRF_HEADER } from './memberSession';
export { communityPageRoutes } from './pages/routes';
export { checkRitual, defaultStartsOn } from './ritualInput';
export { planDigests, remindEvents, sendDigest };

export const communityJobs: JobDefinition[] = [postRituals, nudgeUnansweredThreads, remindEvents, planDigests, sendDigest, fetchCommunityLinkPreviews];
export { postSearchColumns } from './search/searchVector';
export type { ImportProgress, ImportStackExchangeOptions } from './commands/importStackExchange';

/** Loaded on first use: the server never needs the dump reader (and its XML parser, htmlparser2) to start. */
export async function importStackExchange(opts: ImportStackExchangeOptions) {
  return (await import('./commands/importStackExchange')).importStackExchange(opts);
}
/** The community as a channel: what its connector may do here (connectors/community). */
export { communityHost } from './channelHost';

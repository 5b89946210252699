import { publishTarget } from './jobs/publishTarget';
import { sweepStranded } from './jobs/sweepStranded';
import { confirmHandover } from './jobs/confirmHandover';
import { fetchLinkPreview } from './jobs/fetchLinkPreview';

export { publishingRoutes } from './routes';
export const publishingJobs = [publishTarget, sweepStranded, fetchLinkPreview, confirmHandover];
/** Scheduling (queues) hands posts to the publisher through the same command as a hand-picked time. */
export { schedulePost } from './commands/schedulePost';
/** The demo seed writes published history in the shapes the publisher and the editor write. */
export { snapshotOf } from './revisions';
export { requestSummary } from './publisher/runTarget';
/** Feeds (curation) make their drafts through the composer's own command, and check feed addresses with the link previews' SSRF guard. */
export { createPost } from './commands/createPost';
/** Community posts show cards of their links, fetched by the same SSRF-guarded fetcher. */

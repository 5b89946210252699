import { groupInbound } from './jobs/groupInbound';

export { inboxRoutes } from './routes';
/** The channels module calls these on its store and reply paths (inside its transaction). */
export { groupInboundItems } from './commands/groupInboundItems';
export { markConversationReplied } from './commands/markConversationReplied';
export { itemNeedsReply } from './needsReply';
export const inboxJobs = [groupInbound];

import { PublishError, type Connector } from '../types';
import { deleteLinkedInComment, pullLinkedIn, replyLinkedIn } from './comments';
import { linkedinMemberCapabilities, linkedinPageCapabilities } from './manifest';
import { linkedinChannelMetrics, linkedinPostMetrics } from './metrics';
import { completeMemberOAuth, completePageOAuth, refreshLinkedInAuth } from './oauth';
import { deleteLinkedIn, publishLinkedIn } from './publish';

const base = {
  connect: async () => {
    throw new PublishError('rejected', 'LinkedIn connects through LinkedIn sign-in (OAuth), not a form');
  },
  publish: publishLinkedIn,
  // The Posts API has no idempotency key and no way to find a post by one.
  findPublished: async () => null,
  delete: deleteLinkedIn,
  refreshAuth: refreshLinkedInAuth,
} satisfies Partial<Connector>;

/** LinkedIn as the signed-in member (urn:li:person). */
export const linkedinConnector: Connector = { ...base, capabilities: linkedinMemberCapabilities, completeOAuth: completeMemberOAuth };

/** LinkedIn as an organization the member administers (urn:li:organization). */
export const linkedinPageConnector: Connector = {
  ...base,
  capabilities: linkedinPageCapabilities,
  completeOAuth: completePageOAuth,
  pullInbound: pullLinkedIn,
  reply: replyLinkedIn,
  deleteComment: deleteLinkedInComment,
  fetchMetrics: linkedinPostMetrics,
  fetchChannelMetrics: linkedinChannelMetrics,
};

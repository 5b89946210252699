import { PublishError, type Connector } from '../types';
import { completeOAuth, refreshAuth } from './auth';
import { hideReply, pullMentions, replyTo } from './inbound';
import { xCapabilities } from './manifest';
import { fetchChannelMetrics, fetchPostMetrics } from './metrics';
import { deletePost, findPublishedPost, publishPost } from './publish';

/** X through twitter-api-v2 (API v2), signed in with OAuth 2.0 + PKCE. */
export const xConnector: Connector = {
  capabilities: xCapabilities,
  async connect() {
    throw new PublishError('rejected', 'X accounts connect through OAuth (Sign in with X), not a form.');
  },
  publish: publishPost,
  findPublished: findPublishedPost,
  delete: deletePost,
  completeOAuth,
  refreshAuth,
  pullInbound: pullMentions,
  reply: replyTo,
  hideComment: hideReply,
  fetchMetrics: fetchPostMetrics,
  fetchChannelMetrics,
};

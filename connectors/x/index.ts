import { connectThroughOAuth } from '../oauth/app';
import type { Connector } from '../types';
import { completeOAuth, refreshAuth } from './auth';
import { hideReply, pullMentions, replyTo } from './inbound';
import { xCapabilities } from './manifest';
import { fetchChannelMetrics, fetchPostMetrics } from './metrics';
import { deletePost, findPublishedPost, publishPost } from './publish';

/** X through twitter-api-v2 (API v2), signed in with OAuth 2.0 + PKCE. */
export const xConnector: Connector = {
  capabilities: xCapabilities,
  connect: connectThroughOAuth('X', 'Sign in with X'),
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

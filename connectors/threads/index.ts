import { PublishError, type Connector } from '../types';
import { completeOAuth, refreshAuth } from './auth';
import { hideReply, pullReplies, replyTo } from './inbound';
import { threadsCapabilities } from './manifest';
import { fetchChannelMetrics, fetchPostMetrics } from './metrics';
import { deletePost, findPublishedPost, publishPost } from './publish';

/** Threads through Meta's Threads API (graph.threads.net v1.0) with plain fetch. */
export const threadsConnector: Connector = {
  capabilities: threadsCapabilities,
  async connect() {
    throw new PublishError('rejected', 'Threads accounts connect through OAuth (Sign in with Threads), not a form.');
  },
  publish: publishPost,
  findPublished: findPublishedPost,
  delete: deletePost,
  completeOAuth,
  refreshAuth,
  pullInbound: pullReplies,
  reply: replyTo,
  hideComment: hideReply,
  fetchMetrics: fetchPostMetrics,
  fetchChannelMetrics,
};

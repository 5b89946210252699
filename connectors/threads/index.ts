import { connectThroughOAuth } from '../oauth/app';
import type { Connector } from '../types';
import { completeOAuth, refreshAuth } from './auth';
import { hideReply, pullReplies, replyTo } from './inbound';
import { threadsCapabilities } from './manifest';
import { fetchChannelMetrics, fetchPostMetrics } from './metrics';
import { deletePost, findPublishedPost, publishPost } from './publish';

/** Threads through Meta's Threads API (graph.threads.net v1.0) with plain fetch. */
export const threadsConnector: Connector = {
  capabilities: threadsCapabilities,
  connect: connectThroughOAuth('Threads', 'Sign in with Threads'),
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

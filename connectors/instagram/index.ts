import { connectThroughOAuth } from '../oauth/app';
import type { Connector } from '../types';
import { completeOAuth, refreshAuth } from './auth';
import { deleteComment, hideComment, pullComments, replyTo } from './comments';
import { instagramCapabilities } from './manifest';
import { fetchChannelMetrics, fetchPostMetrics } from './metrics';
import { deletePost, findPublishedPost, publishPost } from './publish';

/** Instagram professional accounts through the Instagram API with Instagram Login (graph.instagram.com), plain fetch. */
export const instagramConnector: Connector = {
  capabilities: instagramCapabilities,
  connect: connectThroughOAuth('Instagram', 'Business Login for Instagram'),
  publish: publishPost,
  findPublished: findPublishedPost,
  delete: deletePost,
  completeOAuth,
  refreshAuth,
  pullInbound: pullComments,
  reply: replyTo,
  hideComment,
  deleteComment,
  fetchMetrics: fetchPostMetrics,
  fetchChannelMetrics,
};

import type { Connector } from '../types';
import { blueskyCapabilities } from './manifest';
import { connectAccount } from './connect';
import { hideComment } from './hide';
import { pullInbound } from './inbound';
import { fetchChannelMetrics, fetchPostMetrics } from './metrics';
import { findPublishedPost, publishPost } from './publish';
import { deletePost } from './records';
import { replyToItem } from './reply';
import { withSession } from './session';

/** Bluesky (AT Protocol) through @atproto/api, signed in with an app password. */
export const blueskyConnector: Connector = {
  capabilities: blueskyCapabilities,
  connect: connectAccount,
  publish: publishPost,
  findPublished: findPublishedPost,
  delete: (ctx, ref) => withSession(ctx, (agent, did) => deletePost(agent, did, ref)),
  fetchMetrics: fetchPostMetrics,
  fetchChannelMetrics,
  pullInbound,
  reply: replyToItem,
  hideComment,
};

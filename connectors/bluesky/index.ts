import type { Connector } from '../types';
import { blueskyCapabilities } from './manifest';
import { connectAccount } from './connect';
import { fetchPostMetrics } from './metrics';
import { findPublishedPost, publishPost } from './publish';
import { deletePost } from './records';
import { withSession } from './session';

/** Bluesky (AT Protocol) through @atproto/api, signed in with an app password. */
export const blueskyConnector: Connector = {
  capabilities: blueskyCapabilities,
  connect: connectAccount,
  publish: publishPost,
  findPublished: findPublishedPost,
  delete: (ctx, ref) => withSession(ctx, (agent, did) => deletePost(agent, did, ref)),
  fetchMetrics: fetchPostMetrics,
};

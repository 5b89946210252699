import type { Connector } from '../types';
import { connectAccount } from './connect';
import { pullInbound } from './inbound';
import { mastodonCapabilities } from './manifest';
import { fetchChannelMetrics, fetchPostMetrics } from './metrics';
import { deleteRef, findPublishedStatus, publishStatus } from './publish';
import { completeMastodonOAuth, registerApp } from './oauth';
import { replyTo } from './reply';
import { confirmScheduledStatus } from './scheduled';

/** Mastodon (and API-compatible servers) through masto, with a per-instance access token. */
export const mastodonConnector: Connector = {
  capabilities: mastodonCapabilities,
  connect: connectAccount,
  registerOAuthApp: registerApp,
  completeOAuth: completeMastodonOAuth,
  publish: publishStatus,
  findPublished: findPublishedStatus,
  delete: deleteRef,
  confirmScheduled: (ctx, ref, input) => confirmScheduledStatus(ctx, ref, input),
  fetchMetrics: fetchPostMetrics,
  fetchChannelMetrics,
  pullInbound,
  reply: replyTo,
};

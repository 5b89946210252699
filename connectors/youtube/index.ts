import { connectThroughOAuth } from '../oauth/app';
import type { Connector } from '../types';
import { deleteYoutubeComment, hideYoutubeComment, pullYoutubeComments, replyOnYoutube } from './inbound';
import { youtubeCapabilities } from './manifest';
import { fetchYoutubeChannelMetrics, fetchYoutubeMetrics } from './metrics';
import { completeYoutubeOAuth, refreshYoutubeAuth } from './oauth';
import { deleteYoutubeVideo, findYoutubeVideo, publishYoutubeVideo } from './publish';
import { confirmYoutubeScheduled } from './scheduled';

/** YouTube Data API v3 through @googleapis/youtube; uploads through the resumable protocol. */
export const youtubeConnector: Connector = {
  capabilities: youtubeCapabilities,
  connect: connectThroughOAuth('YouTube', 'Google sign-in'),
  completeOAuth: completeYoutubeOAuth,
  refreshAuth: refreshYoutubeAuth,
  publish: publishYoutubeVideo,
  findPublished: findYoutubeVideo,
  delete: deleteYoutubeVideo,
  confirmScheduled: (ctx, ref) => confirmYoutubeScheduled(ctx, ref),
  pullInbound: pullYoutubeComments,
  reply: replyOnYoutube,
  hideComment: hideYoutubeComment,
  deleteComment: deleteYoutubeComment,
  fetchMetrics: fetchYoutubeMetrics,
  fetchChannelMetrics: fetchYoutubeChannelMetrics,
};

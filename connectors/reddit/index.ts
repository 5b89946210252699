import { connectThroughOAuth } from '../oauth/app';
import type { Connector } from '../types';
import { completeRedditOAuth } from './connect';
import { deleteRedditComment, pullRedditComments, replyOnReddit } from './inbound';
import { redditCapabilities } from './manifest';
import { fetchRedditChannelMetrics, fetchRedditMetrics } from './metrics';
import { refreshRedditAuth } from './oauth';
import { deleteRedditThing, findRedditPost, publishRedditPost } from './publish';

/** Reddit over its OAuth API with plain fetch (there is no official Node client). */
export const redditConnector: Connector = {
  capabilities: redditCapabilities,
  // The subreddit is a field of the connect form, checked in completeOAuth.
  connect: connectThroughOAuth('Reddit', 'the Reddit sign-in page'),
  completeOAuth: completeRedditOAuth,
  refreshAuth: refreshRedditAuth,
  publish: publishRedditPost,
  findPublished: findRedditPost,
  delete: deleteRedditThing,
  pullInbound: pullRedditComments,
  reply: replyOnReddit,
  deleteComment: deleteRedditComment,
  fetchMetrics: fetchRedditMetrics,
  fetchChannelMetrics: fetchRedditChannelMetrics,
};

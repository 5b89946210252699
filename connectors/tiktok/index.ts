import { connectThroughOAuth } from '../oauth/app';
import { PublishError, type Connector } from '../types';
import { completeTiktokOAuth } from './connect';
import { tiktokCapabilities } from './manifest';
import { fetchTiktokChannelMetrics, fetchTiktokMetrics } from './metrics';
import { refreshTiktokAuth } from './oauth';
import { DEFAULT_POLL, findTiktokVideo, publishTiktokVideo, type PollOptions } from './publish';

/** TikTok's Content Posting API (direct post or inbox upload) with fetch; `poll` tunes the status polling. */
export function createTiktokConnector(poll: PollOptions = DEFAULT_POLL): Connector {
  return {
    capabilities: tiktokCapabilities,
    connect: connectThroughOAuth('TikTok', 'Login Kit'),
    completeOAuth: completeTiktokOAuth,
    refreshAuth: refreshTiktokAuth,
    publish: (ctx, input) => publishTiktokVideo(ctx, input, poll),
    findPublished: findTiktokVideo,
    delete: async () => {
      // The Content Posting API has no delete; neither has any other public TikTok API.
      throw new PublishError('rejected', "TikTok's API cannot delete posts: delete the video in the TikTok app");
    },
    fetchMetrics: fetchTiktokMetrics,
    fetchChannelMetrics: fetchTiktokChannelMetrics,
  };
}

export const tiktokConnector: Connector = createTiktokConnector();

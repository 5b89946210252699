import type { Connector } from '../types';
import { deleteFacebookComment, hideFacebookComment, pullFacebook, replyFacebook } from './inbound';
import { facebookCapabilities } from './manifest';
import { facebookChannelMetrics, facebookPostMetrics } from './metrics';
import { completeFacebookOAuth } from './oauth';
import { deleteFacebook, publishFacebook } from './publish';
import { confirmFacebookScheduled } from './scheduled';
import { answerFacebookChallenge, parseFacebookWebhook, verifyFacebookWebhook } from './webhook';
import { PublishError } from '../types';

/** Facebook Pages through the Graph API (plain fetch), connected with Facebook Login. */
export const facebookConnector: Connector = {
  capabilities: facebookCapabilities,
  connect: async () => {
    throw new PublishError('rejected', 'Facebook Pages connect through Facebook Login (OAuth), not a form');
  },
  completeOAuth: completeFacebookOAuth,
  publish: (ctx, input) => publishFacebook(ctx, input),
  // Graph has no idempotency key and no way to find a post by one.
  findPublished: async () => null,
  delete: deleteFacebook,
  confirmScheduled: (ctx, ref) => confirmFacebookScheduled(ctx, ref),
  pullInbound: pullFacebook,
  reply: replyFacebook,
  hideComment: hideFacebookComment,
  deleteComment: deleteFacebookComment,
  fetchMetrics: facebookPostMetrics,
  fetchChannelMetrics: facebookChannelMetrics,
  verifyWebhook: verifyFacebookWebhook,
  parseWebhook: parseFacebookWebhook,
  answerWebhookChallenge: answerFacebookChallenge,
};

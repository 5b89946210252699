import { PublishError, type Connector } from '../types';
import { deleteInSpace, hideInSpace, pullSpace, replyInSpace } from './inbound';
import { communityCapabilities } from './manifest';
import { deletePost, findThread, publishThread } from './publish';

export { threadFromText } from './publish';

/**
 * The brand's community space as a channel (C5). It holds no credentials and makes no network call:
 * every operation goes through the community the server hosts (`ctx.host.community`, see
 * `CommunityHost` in ../types.ts), so this folder stays free of database and server code.
 */
export const communityConnector: Connector = {
  capabilities: communityCapabilities,
  async connect(input, env) {
    const host = env?.host?.community;
    if (!host) throw new PublishError('rejected', 'Community spaces are connected from inside Tandem.');
    const wanted = (input.space ?? '').trim().replace(/^\/+|\/+$/g, '');
    if (!wanted) throw new PublishError('rejected', 'Choose the community space to publish to (its address name, for example announcements).');
    const space = await host.findSpace(wanted);
    if (!space) throw new PublishError('rejected', `The community has no space "${wanted}". Set the community up and create the space first.`);
    return { auth: { spaceId: space.id }, account: { id: space.id, handle: space.slug, displayName: space.name } };
  },
  publish: publishThread,
  findPublished: (ctx, key) => findThread(ctx, key),
  delete: deletePost,
  pullInbound: pullSpace,
  reply: replyInSpace,
  hideComment: hideInSpace,
  deleteComment: deleteInSpace,
};

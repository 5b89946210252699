import type { ChannelCapabilities } from '../types';

/**
 * The brand's own community (C5): a channel is one space of the workspace's community, chosen by its
 * slug (or id) — nothing to sign in to (`auth: 'hosted'`), the server offers the place through
 * `ConnectorContext.host.community`.
 * - publish: a thread in the space with the staff badge, authored by the post's author; the first
 *   line is the title (3–200 characters), the rest the body;
 * - text: 20,000 UTF-16 units, the community's longest post (its API counts with JavaScript lengths);
 * - no media (the community does not render images yet), no threads of parts, no first comment;
 * - inbound: members' new threads (as mentions: they address the brand in its own space) and replies
 *   (comments under the brand's threads, replies elsewhere);
 * - reply: a staff reply in the thread; delete: a moderator's delete. Hiding comes with the
 *   community's moderation (it has no hidden state yet).
 */
export const TITLE_MIN = 3;
export const TITLE_MAX = 200;

export const communityCapabilities: ChannelCapabilities = {
  network: 'community',
  displayName: 'Community space',
  auth: 'hosted',
  features: {
    readComments: true,
    readMentions: true,
    readMessages: false,
    reply: true,
    hideComments: true,
    deleteComments: true,
    postMetrics: false,
    followerCounts: false,
    webhooks: false,
  },
  text: [{ unit: 'utf16', max: 20_000 }],
  media: { maxItems: 0, imageTypes: [], imageMaxBytes: 0, videoTypes: [], videoMaxBytes: 0, altTextRequired: false },
  threads: false,
  firstComment: false,
  nativeScheduling: false,
  quotas: [],
  connectFields: [{ key: 'space', kind: 'text', required: true }],
};

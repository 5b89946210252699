import { forumPaths } from '../../../web/src/forum/paths';

/**
 * Where the community's public pages show things (mention links, links in emails): the same
 * addresses the forum pages are served at (web/src/forum/paths.ts). A thread's address without its
 * title slug redirects to the canonical one.
 */
export const memberProfilePath = (communityId: string, memberId: string) => forumPaths.profile(communityId, memberId);
export const threadPath = (communityId: string, threadId: string) => `/c/${communityId}/t/${threadId}`;
export const unsubscribePath = (communityId: string, token: string) => `/api/communities/${communityId}/unsubscribe?token=${encodeURIComponent(token)}`;

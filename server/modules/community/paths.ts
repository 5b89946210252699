/**
 * Where the community's web pages show things (mention links, links in emails). The member web UI
 * serves these paths; change them here and in the UI together.
 */
export const memberProfilePath = (communityId: string, memberId: string) => `/communities/${communityId}/members/${memberId}`;
export const threadPath = (communityId: string, threadId: string) => `/communities/${communityId}/threads/${threadId}`;
export const unsubscribePath = (communityId: string, token: string) => `/api/communities/${communityId}/unsubscribe?token=${encodeURIComponent(token)}`;

import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { ACTIONS, rolesAllow, TOKEN_SCOPES, type Action } from '../../shared/permissions';
import { ROLES, type Role } from '../../shared/roles';
import { workspaceMembers } from '../db/schema';
import { ApiClient, signUpUser } from '../test/apiClient';
import { startTestTandem, type TestTandem } from '../test/testServer';
import { sinkStore } from '../../connectors/sink';
import { communityFlags, communityMembers, inboundItems } from '../db/schema';
import { startFeedSite } from '../modules/feeds/testFeedSite';
import { groupInboundItems } from '../modules/inbox';

/**
 * Walks every workspace route as every role, as a member of another workspace and with another
 * workspace's API token, and checks each answer against the one permission matrix.
 */
let t: TestTandem;
let workspaceId: string;
let owner: ApiClient;
const asRole = new Map<Role, { client: ApiClient; userId: string }>();
let outsider: ApiClient;
let outsiderToken: ApiClient;
const routes: { method: string; url: string; action?: Action }[] = [];

async function addMember(roles: Role[]) {
  const u = await signUpUser(t.baseUrl, roles.join('+'));
  await t.database.db.insert(workspaceMembers).values({ workspaceId, userId: u.userId, roles, hat: roles[0]! });
  return u;
}

/** A request for each route, with fresh targets so destructive calls never starve the next role. */
const samples: Record<string, (c: { userId: string; client: ApiClient; role?: Role }) => Promise<{ path: string; body?: unknown }>> = {
  'GET /api/workspaces/:workspaceId': async () => ({ path: '' }),
  'PATCH /api/workspaces/:workspaceId': async () => ({ path: '', body: { name: 'Renamed' } }),
  'PUT /api/workspaces/:workspaceId/hat': async (c) => ({ path: '/hat', body: { hat: c.role ?? 'analyst' } }),
  'GET /api/workspaces/:workspaceId/home': async () => ({ path: '/home' }),
  'GET /api/workspaces/:workspaceId/members': async () => ({ path: '/members' }),
  'PATCH /api/workspaces/:workspaceId/members/:userId': async () => ({ path: `/members/${(await addMember(['contributor'])).userId}`, body: { roles: ['analyst'] } }),
  'DELETE /api/workspaces/:workspaceId/members/:userId': async () => ({ path: `/members/${(await addMember(['contributor'])).userId}` }),
  'GET /api/workspaces/:workspaceId/invitations': async () => ({ path: '/invitations' }),
  'POST /api/workspaces/:workspaceId/invitations': async () => ({ path: '/invitations', body: { email: `inv${Math.random().toString(36).slice(2)}@example.test`, roles: ['analyst'] } }),
  'DELETE /api/workspaces/:workspaceId/invitations/:invitationId': async () => {
    const inv = await owner.post(`/api/workspaces/${workspaceId}/invitations`, { email: `del${Math.random().toString(36).slice(2)}@example.test`, roles: ['analyst'] });
    return { path: `/invitations/${inv.body.id}` };
  },
  'GET /api/workspaces/:workspaceId/tokens': async () => ({ path: '/tokens' }),
  'POST /api/workspaces/:workspaceId/tokens': async () => ({ path: '/tokens', body: { name: 'walk', scopes: ['workspace:read'] } }),
  'DELETE /api/workspaces/:workspaceId/tokens/:tokenId': async (c) => {
    // Members revoke their own tokens (owners anyone's): the token belongs to the caller when it can have one.
    const creator = c.role && rolesAllow([c.role], 'tokens.createOwn') ? c.client : owner;
    const tok = await creator.post(`/api/workspaces/${workspaceId}/tokens`, { name: 'to revoke', scopes: ['workspace:read'] });
    return { path: `/tokens/${tok.body.id}` };
  },
  'GET /api/workspaces/:workspaceId/audit': async () => ({ path: '/audit' }),
  'GET /api/workspaces/:workspaceId/channels': async () => ({ path: '/channels' }),
  'POST /api/workspaces/:workspaceId/channels': async () => ({ path: '/channels', body: { network: 'sink', credentials: { account: `walk${Math.random().toString(36).slice(2)}` } } }),
  'POST /api/workspaces/:workspaceId/channels/:channelId/reconnect': async () => {
    const account = `re${Math.random().toString(36).slice(2)}`;
    const ch = await owner.post(`/api/workspaces/${workspaceId}/channels`, { network: 'sink', credentials: { account } });
    return { path: `/channels/${ch.body.id}/reconnect`, body: { credentials: { account } } };
  },
  'DELETE /api/workspaces/:workspaceId/channels/:channelId': async () => ({ path: `/channels/${await newChannel()}` }),
  'GET /api/workspaces/:workspaceId/posts': async () => ({ path: '/posts' }),
  'POST /api/workspaces/:workspaceId/posts': async () => ({ path: '/posts', body: { text: 'Walk', channelIds: [await sharedChannel()] } }),
  'GET /api/workspaces/:workspaceId/posts/:postId': async () => ({ path: `/posts/${await newDraft()}` }),
  'PATCH /api/workspaces/:workspaceId/posts/:postId': async () => ({ path: `/posts/${await newDraft()}`, body: { text: 'Edited' } }),
  'GET /api/workspaces/:workspaceId/posts/:postId/attempts': async () => ({ path: `/posts/${await newDraft()}/attempts` }),
  'GET /api/workspaces/:workspaceId/posts/:postId/revisions': async () => ({ path: `/posts/${await newDraft()}/revisions` }),
  'POST /api/workspaces/:workspaceId/posts/:postId/revisions/:version/restore': async () => ({ path: `/posts/${await newDraft()}/revisions/1/restore` }),
  'POST /api/workspaces/:workspaceId/posts/:postId/submit': async () => ({ path: `/posts/${await newDraft()}/submit` }),
  'POST /api/workspaces/:workspaceId/posts/:postId/approve': async () => {
    const id = await newDraft();
    await owner.post(`/api/workspaces/${workspaceId}/posts/${id}/submit`);
    return { path: `/posts/${id}/approve` };
  },
  'POST /api/workspaces/:workspaceId/posts/:postId/request-changes': async () => {
    const id = await newDraft();
    await owner.post(`/api/workspaces/${workspaceId}/posts/${id}/submit`);
    return { path: `/posts/${id}/request-changes`, body: { reason: 'Shorter, please' } };
  },
  'POST /api/workspaces/:workspaceId/posts/:postId/schedule': async () => ({ path: `/posts/${await newDraft()}/schedule`, body: { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() } }),
  'POST /api/workspaces/:workspaceId/posts/:postId/publish': async () => ({ path: `/posts/${await newDraft()}/publish` }),
  'POST /api/workspaces/:workspaceId/posts/:postId/unschedule': async () => {
    const id = await newDraft();
    await owner.post(`/api/workspaces/${workspaceId}/posts/${id}/schedule`, { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
    return { path: `/posts/${id}/unschedule` };
  },
  'POST /api/workspaces/:workspaceId/posts/:postId/cancel': async () => ({ path: `/posts/${await newDraft()}/cancel` }),
  'POST /api/workspaces/:workspaceId/posts/:postId/targets/:targetId/retry': async () => {
    // A channel that failed: planned for tomorrow (so the retry's job finds nothing due yet), marked failed.
    const id = await newDraft();
    const post = await owner.post(`/api/workspaces/${workspaceId}/posts/${id}/schedule`, { scheduledAt: new Date(Date.now() + 86_400_000).toISOString() });
    const targetId = post.body.targets[0].id as string;
    await t.database.db.execute(sql`UPDATE post_targets SET state = 'failed' WHERE id = ${targetId}`);
    return { path: `/posts/${id}/targets/${targetId}/retry` };
  },
  'GET /api/workspaces/:workspaceId/publishing/settings': async () => ({ path: '/publishing/settings' }),
  'PATCH /api/workspaces/:workspaceId/publishing/settings': async () => ({ path: '/publishing/settings', body: { approvalRequired: false } }),
  'POST /api/workspaces/:workspaceId/publishing/pause': async () => ({ path: '/publishing/pause' }),
  'POST /api/workspaces/:workspaceId/publishing/resume': async () => ({ path: '/publishing/resume' }),
  'GET /api/workspaces/:workspaceId/media': async () => ({ path: '/media' }),
  'POST /api/workspaces/:workspaceId/media': async () => ({ path: '/media', body: await mediaForm() }),
  'GET /api/workspaces/:workspaceId/media/:assetId': async () => ({ path: `/media/${await sharedAsset()}` }),
  'PATCH /api/workspaces/:workspaceId/media/:assetId': async () => ({ path: `/media/${await sharedAsset()}`, body: { altText: 'Walked' } }),
  'DELETE /api/workspaces/:workspaceId/media/:assetId': async () => ({ path: `/media/${await newAsset()}` }),
  'GET /api/workspaces/:workspaceId/media/:assetId/file': async () => ({ path: `/media/${await sharedAsset()}/file` }),
  'GET /api/workspaces/:workspaceId/media/:assetId/thumbnail': async () => ({ path: `/media/${await sharedAsset()}/thumbnail` }),
  'GET /api/workspaces/:workspaceId/posts/:postId/comments': async () => ({ path: `/posts/${await newDraft()}/comments` }),
  'POST /api/workspaces/:workspaceId/posts/:postId/comments': async () => ({ path: `/posts/${await newDraft()}/comments`, body: { body: 'Walk' } }),
  'DELETE /api/workspaces/:workspaceId/posts/:postId/comments/:commentId': async (c) => {
    // Members delete their own comments (owners and marketing managers anyone's).
    const author = c.role && rolesAllow([c.role], 'comments.write') ? c.client : owner;
    const postId = await newDraft();
    const made = await author.post(`/api/workspaces/${workspaceId}/posts/${postId}/comments`, { body: 'to delete' });
    return { path: `/posts/${postId}/comments/${made.body.id}` };
  },
  'GET /api/workspaces/:workspaceId/notifications': async () => ({ path: '/notifications' }),
  'POST /api/workspaces/:workspaceId/notifications/read': async () => ({ path: '/notifications/read', body: { all: true } }),
  'PATCH /api/workspaces/:workspaceId/channels/:channelId': async () => ({ path: `/channels/${await newChannel()}`, body: { color: 'teal' } }),
  'GET /api/workspaces/:workspaceId/channels/:channelId/slots': async () => ({ path: `/channels/${await sharedChannel()}/slots` }),
  'PUT /api/workspaces/:workspaceId/channels/:channelId/slots': async () => ({ path: `/channels/${await newChannel()}/slots`, body: { slots: [{ weekday: 1, minuteOfDay: 540 }] } }),
  'GET /api/workspaces/:workspaceId/channels/:channelId/best-times': async () => ({ path: `/channels/${await sharedChannel()}/best-times` }),
  'POST /api/workspaces/:workspaceId/posts/:postId/queue': async () => {
    const ch = await newChannel();
    await owner.put(`/api/workspaces/${workspaceId}/channels/${ch}/slots`, { slots: [{ weekday: 3, minuteOfDay: 600 }] });
    const post = await owner.post(`/api/workspaces/${workspaceId}/posts`, { text: 'Walk', channelIds: [ch] });
    return { path: `/posts/${post.body.id}/queue` };
  },
  'GET /api/workspaces/:workspaceId/calendar-feed': async () => ({ path: '/calendar-feed' }),
  'POST /api/workspaces/:workspaceId/calendar-feed': async () => ({ path: '/calendar-feed' }),
  'DELETE /api/workspaces/:workspaceId/calendar-feed': async () => ({ path: '/calendar-feed' }),
  'GET /api/workspaces/:workspaceId/campaigns': async () => ({ path: '/campaigns' }),
  'POST /api/workspaces/:workspaceId/campaigns': async () => ({ path: '/campaigns', body: { name: `Walk ${Math.random().toString(36).slice(2)}` } }),
  'PATCH /api/workspaces/:workspaceId/campaigns/:campaignId': async () => ({ path: `/campaigns/${await newCampaign()}`, body: { color: 'teal' } }),
  'DELETE /api/workspaces/:workspaceId/campaigns/:campaignId': async () => ({ path: `/campaigns/${await newCampaign()}` }),
  'POST /api/workspaces/:workspaceId/channels/oauth/:network/start': async () => ({ path: '/channels/oauth/sink-oauth/start', body: { baseUrl: 'http://127.0.0.1:9' } }),
  'GET /api/workspaces/:workspaceId/channels/:channelId/metrics': async () => ({ path: `/channels/${await sharedChannel()}/metrics` }),
  'GET /api/workspaces/:workspaceId/inbound': async () => ({ path: '/inbound' }),
  'POST /api/workspaces/:workspaceId/inbound/:itemId/reply': async () => ({ path: `/inbound/${await newInboundItem()}/reply`, body: { text: `Thanks ${Math.random().toString(36).slice(2)}` } }),
  'POST /api/workspaces/:workspaceId/inbound/:itemId/hide': async () => ({ path: `/inbound/${await newInboundItem()}/hide` }),
  'POST /api/workspaces/:workspaceId/inbound/:itemId/delete': async () => ({ path: `/inbound/${await newInboundItem()}/delete` }),
  'GET /api/workspaces/:workspaceId/inbox/conversations': async () => ({ path: '/inbox/conversations?view=needs_reply' }),
  'GET /api/workspaces/:workspaceId/inbox/conversations/:conversationId': async () => ({ path: `/inbox/conversations/${await newConversation()}` }),
  'PATCH /api/workspaces/:workspaceId/inbox/conversations/:conversationId': async () => ({ path: `/inbox/conversations/${await newConversation()}`, body: { version: 1, status: 'done' } }),
  'PATCH /api/workspaces/:workspaceId/inbox/conversations': async () => ({ path: '/inbox/conversations', body: { ids: [await newConversation()], changes: { priority: 'high' } } }),
  'GET /api/workspaces/:workspaceId/feeds': async () => ({ path: '/feeds' }),
  'POST /api/workspaces/:workspaceId/feeds': async () => ({ path: '/feeds', body: { url: `${feedSite.url}/${Math.random().toString(36).slice(2)}.xml`, channelIds: [await sharedChannel()] } }),
  'DELETE /api/workspaces/:workspaceId/feeds/:feedId': async () => ({ path: `/feeds/${await newFeed()}` }),
  'POST /api/workspaces/:workspaceId/feeds/:feedId/fetch': async () => ({ path: `/feeds/${await newFeed()}/fetch` }),
  'GET /api/workspaces/:workspaceId/community': async () => {
    await ensureCommunity();
    return { path: '/community' };
  },
  'PUT /api/workspaces/:workspaceId/community': async () => ({ path: '/community', body: { name: 'Walked community' } }),
  'GET /api/workspaces/:workspaceId/community/spaces': async () => ({ path: '/community/spaces' }),
  'POST /api/workspaces/:workspaceId/community/spaces': async () => ({ path: '/community/spaces', body: { name: 'Walk', slug: `walk-${Math.random().toString(36).slice(2)}` } }),
  'GET /api/workspaces/:workspaceId/community/spaces/:spaceId': async () => ({ path: `/community/spaces/${await newSpace()}` }),
  'PATCH /api/workspaces/:workspaceId/community/spaces/:spaceId': async () => ({ path: `/community/spaces/${await newSpace()}`, body: { description: 'Walked' } }),
  'GET /api/workspaces/:workspaceId/community/spaces/:spaceId/invites': async () => ({ path: `/community/spaces/${await newSpace()}/invites` }),
  'PUT /api/workspaces/:workspaceId/community/spaces/:spaceId/invites/:memberId': async () => ({ path: `/community/spaces/${await newSpace()}/invites/${await newCommunityMember()}`, body: {} }),
  'DELETE /api/workspaces/:workspaceId/community/spaces/:spaceId/invites/:memberId': async () => ({ path: `/community/spaces/${await newSpace()}/invites/${await newCommunityMember()}` }),
  'POST /api/workspaces/:workspaceId/community/spaces/:spaceId/threads': async () => ({ path: `/community/spaces/${await newSpace()}/threads`, body: { title: 'Walk thread', body: 'Walk' } }),
  'GET /api/workspaces/:workspaceId/community/threads/:threadId': async () => ({ path: `/community/threads/${(await newCommunityThread()).id}` }),
  'POST /api/workspaces/:workspaceId/community/threads/:threadId/replies': async () => ({ path: `/community/threads/${(await newCommunityThread()).id}/replies`, body: { body: 'Walk reply' } }),
  'GET /api/workspaces/:workspaceId/community/pending': async () => ({ path: '/community/pending' }),
  'PATCH /api/workspaces/:workspaceId/community/posts/:postId': async (c) => {
    // Staff edit their own posts: the post is the caller's when they may post.
    const author = c.role && rolesAllow([c.role], 'community.post') ? c.client : owner;
    const thread = (await author.post(`/api/workspaces/${workspaceId}/community/spaces/${await newSpace()}/threads`, { title: 'Walk thread', body: 'Walk' })).body;
    return { path: `/community/posts/${thread.posts[0].id}`, body: { body: 'Walked' } };
  },
  'GET /api/workspaces/:workspaceId/community/members': async () => ({ path: '/community/members?q=walk' }),
  'POST /api/workspaces/:workspaceId/community/posts/:postId/approve': async () => {
    // Held for approval, as a member's post in a space with the approval switch on would be.
    const postId = (await newCommunityThread()).posts[0]!.id as string;
    await t.database.db.execute(sql`UPDATE community_posts SET state = 'pending' WHERE id = ${postId}`);
    return { path: `/community/posts/${postId}/approve` };
  },
  'DELETE /api/workspaces/:workspaceId/community/posts/:postId': async () => ({ path: `/community/posts/${(await newCommunityThread()).posts[0]!.id}` }),
  'PUT /api/workspaces/:workspaceId/community/threads/:threadId/accepted-answer': async () => {
    const { threadId, replyId } = await newQaAnswer();
    return { path: `/community/threads/${threadId}/accepted-answer`, body: { postId: replyId } };
  },
  'DELETE /api/workspaces/:workspaceId/community/threads/:threadId/accepted-answer': async () => ({ path: `/community/threads/${(await newQaAnswer()).threadId}/accepted-answer` }),
  'GET /api/workspaces/:workspaceId/community/search': async () => ({ path: '/community/search?q=walk' }),
  'GET /api/workspaces/:workspaceId/community/threads/:threadId/poll': async () => ({ path: `/community/threads/${(await newCommunityThread(true)).id}/poll` }),
  'POST /api/workspaces/:workspaceId/community/threads/:threadId/poll': async () => ({ path: `/community/threads/${(await newCommunityThread()).id}/poll`, body: { question: 'Walk poll?', kind: 'single', options: ['Yes', 'No'] } }),
  'GET /api/workspaces/:workspaceId/community/threads/:threadId/event': async () => ({ path: `/community/threads/${(await newCommunityThread(false, true)).id}/event` }),
  'POST /api/workspaces/:workspaceId/community/threads/:threadId/event': async () => ({ path: `/community/threads/${(await newCommunityThread()).id}/event`, body: walkEvent }),
  'GET /api/workspaces/:workspaceId/community/flags': async () => ({ path: '/community/flags' }),
  'POST /api/workspaces/:workspaceId/community/posts/:postId/flags/resolve': async () => ({ path: `/community/posts/${await newFlaggedPost()}/flags/resolve`, body: { decision: 'disagree' } }),
  'POST /api/workspaces/:workspaceId/community/posts/:postId/hide': async () => ({ path: `/community/posts/${(await newCommunityThread()).posts[0]!.id}/hide`, body: { reason: 'Walk' } }),
  'POST /api/workspaces/:workspaceId/community/posts/:postId/unhide': async () => {
    const postId = (await newCommunityThread()).posts[0]!.id;
    await owner.post(`/api/workspaces/${workspaceId}/community/posts/${postId}/hide`);
    return { path: `/community/posts/${postId}/unhide` };
  },
  'POST /api/workspaces/:workspaceId/community/threads/:threadId/lock': async () => ({ path: `/community/threads/${(await newCommunityThread()).id}/lock` }),
  'POST /api/workspaces/:workspaceId/community/threads/:threadId/unlock': async () => {
    const threadId = (await newCommunityThread()).id;
    await owner.post(`/api/workspaces/${workspaceId}/community/threads/${threadId}/lock`);
    return { path: `/community/threads/${threadId}/unlock` };
  },
  'GET /api/workspaces/:workspaceId/community/members/:memberId/standing': async () => ({ path: `/community/members/${await newCommunityMember()}/standing` }),
  'PUT /api/workspaces/:workspaceId/community/members/:memberId/silence': async () => ({ path: `/community/members/${await newCommunityMember()}/silence`, body: { reason: 'Walk' } }),
  'DELETE /api/workspaces/:workspaceId/community/members/:memberId/silence': async () => {
    const memberId = await newCommunityMember();
    await owner.put(`/api/workspaces/${workspaceId}/community/members/${memberId}/silence`, {});
    return { path: `/community/members/${memberId}/silence` };
  },
  'GET /api/workspaces/:workspaceId/community/rituals': async () => ({ path: '/community/rituals' }),
  'POST /api/workspaces/:workspaceId/community/rituals': async () => ({ path: '/community/rituals', body: await walkRitual() }),
  'POST /api/workspaces/:workspaceId/community/rituals/preview': async () => ({ path: '/community/rituals/preview', body: { rrule: 'FREQ=WEEKLY;BYDAY=FR', timeZone: 'Europe/Rome', startTime: '10:00' } }),
  'GET /api/workspaces/:workspaceId/community/rituals/:ritualId/preview': async () => ({ path: `/community/rituals/${await newRitual()}/preview` }),
  'GET /api/workspaces/:workspaceId/community/rituals/:ritualId/occurrences': async () => ({ path: `/community/rituals/${await newRitual()}/occurrences` }),
  'PATCH /api/workspaces/:workspaceId/community/rituals/:ritualId': async () => ({ path: `/community/rituals/${await newRitual()}`, body: { active: false } }),
  'DELETE /api/workspaces/:workspaceId/community/rituals/:ritualId': async () => ({ path: `/community/rituals/${await newRitual()}` }),
  'GET /api/workspaces/:workspaceId/community/personas': async () => ({ path: '/community/personas' }),
  'POST /api/workspaces/:workspaceId/community/personas': async () => {
    await ensureCommunity();
    return { path: '/community/personas', body: { name: `Walk ${Math.random().toString(36).slice(2)}` } };
  },
  'PATCH /api/workspaces/:workspaceId/community/personas/:personaId': async () => ({ path: `/community/personas/${await newPersona()}`, body: { avatarUrl: null } }),
  'DELETE /api/workspaces/:workspaceId/community/personas/:personaId': async () => ({ path: `/community/personas/${await newPersona()}` }),
  'POST /api/workspaces/:workspaceId/community/images': async () => {
    await ensureCommunity();
    return { path: '/community/images', body: await mediaForm() };
  },
};

let communityReady: Promise<unknown> | undefined;
const ensureCommunity = () => (communityReady ??= owner.put(`/api/workspaces/${workspaceId}/community`, { name: 'Walked community' }));
async function newSpace(): Promise<string> {
  return (await owner.post(`/api/workspaces/${workspaceId}/community/spaces`, { name: 'Walk', slug: `walk-${Math.random().toString(36).slice(2)}` })).body.id;
}
const walkEvent = { title: 'Walk event', startsAt: '2030-05-01T10:00', endsAt: '2030-05-01T11:00', timeZone: 'Europe/Rome', place: 'Walk park' };
async function newCommunityThread(withPoll = false, withEvent = false): Promise<{ id: string; posts: { id: string }[] }> {
  const poll = withPoll ? { poll: { question: 'Walk poll?', kind: 'single', options: ['Yes', 'No'] } } : {};
  const event = withEvent ? { event: walkEvent } : {};
  return (await owner.post(`/api/workspaces/${workspaceId}/community/spaces/${await newSpace()}/threads`, { title: 'Walk thread', body: 'Walk', ...poll, ...event })).body;
}
const walkRitual = async () => ({ spaceId: await newSpace(), kind: 'thread', titleTemplate: 'Walk {{date}}', bodyTemplate: 'Walk', rrule: 'FREQ=WEEKLY;BYDAY=FR', timeZone: 'Europe/Rome', startTime: '10:00' });
async function newPersona(): Promise<string> {
  await ensureCommunity();
  return (await owner.post(`/api/workspaces/${workspaceId}/community/personas`, { name: `Walk ${Math.random().toString(36).slice(2)}` })).body.id;
}
async function newRitual(): Promise<string> {
  return (await owner.post(`/api/workspaces/${workspaceId}/community/rituals`, await walkRitual())).body.id;
}
/** A question in a new Q&A space with one staff reply. */
async function newQaAnswer(): Promise<{ threadId: string; replyId: string }> {
  const space = (await owner.post(`/api/workspaces/${workspaceId}/community/spaces`, { name: 'Walk Q&A', slug: `walkqa-${Math.random().toString(36).slice(2)}`, kind: 'qa' })).body.id;
  const thread = (await owner.post(`/api/workspaces/${workspaceId}/community/spaces/${space}/threads`, { title: 'Walk question', body: 'Walk?' })).body;
  const reply = (await owner.post(`/api/workspaces/${workspaceId}/community/threads/${thread.id}/replies`, { body: 'Walk answer' })).body;
  return { threadId: thread.id, replyId: reply.id };
}
/** A staff post with one open flag by a member (both written directly: flagging has its own tests). */
async function newFlaggedPost(): Promise<string> {
  const postId = (await newCommunityThread()).posts[0]!.id;
  await t.database.db.insert(communityFlags).values({ workspaceId, postId, flaggerMemberId: await newCommunityMember(), reason: 'spam' });
  return postId;
}
/** A community member (not a team user), written directly: their sign-up has its own tests. */
async function newCommunityMember(): Promise<string> {
  const [row] = await t.database.db.insert(communityMembers).values({ workspaceId, email: `walk${Math.random().toString(36).slice(2)}@example.test`, passwordHash: 'unused', displayName: 'Walker', handle: `walker${Math.random().toString(36).slice(2)}` }).returning();
  return row!.id;
}

let feedSite: Awaited<ReturnType<typeof startFeedSite>>;
async function newFeed(): Promise<string> {
  return (await owner.post(`/api/workspaces/${workspaceId}/feeds`, { url: `${feedSite.url}/${Math.random().toString(36).slice(2)}.xml`, channelIds: [await sharedChannel()] })).body.id;
}

/** A comment someone left on a sink account of the workspace, as the inbound pull stores it. */
async function newInboundItem(): Promise<string> {
  const account = `walkin${Math.random().toString(36).slice(2)}`;
  const ch = await owner.post(`/api/workspaces/${workspaceId}/channels`, { network: 'sink', credentials: { account } });
  const item = sinkStore.addInbound(account, { text: 'Walk comment' });
  const [row] = await t.database.db.insert(inboundItems).values({ workspaceId, channelId: ch.body.id, kind: item.kind, networkId: item.networkId, authorId: item.author.id, authorHandle: item.author.handle, text: item.text, createdAt: item.createdAt }).returning();
  return row!.id;
}

/** That comment's inbox conversation, grouped as the store path groups it. */
async function newConversation(): Promise<string> {
  const itemId = await newInboundItem();
  await t.database.db.transaction((tx) => groupInboundItems(tx, [itemId]));
  const [row] = await t.database.db.select({ id: inboundItems.inboxConversationId }).from(inboundItems).where(eq(inboundItems.id, itemId));
  return row!.id!;
}

async function newChannel(): Promise<string> {
  const res = await owner.post(`/api/workspaces/${workspaceId}/channels`, { network: 'sink', credentials: { account: `walk${Math.random().toString(36).slice(2)}` } });
  return res.body.id;
}
async function newCampaign(): Promise<string> {
  return (await owner.post(`/api/workspaces/${workspaceId}/campaigns`, { name: `Walk ${Math.random().toString(36).slice(2)}` })).body.id;
}
let channelForPosts: string | undefined;
const sharedChannel = async () => (channelForPosts ??= await newChannel());
async function newDraft(): Promise<string> {
  return (await owner.post(`/api/workspaces/${workspaceId}/posts`, { text: 'Walk', channelIds: [await sharedChannel()] })).body.id;
}

let png: Buffer | undefined;
/** An upload form with a small PNG (a fresh FormData each time: a body is sent once). */
async function mediaForm(): Promise<FormData> {
  png ??= await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } }).png().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(png)]), 'walk.png');
  return form;
}
async function newAsset(): Promise<string> {
  return (await owner.post(`/api/workspaces/${workspaceId}/media`, await mediaForm())).body.id;
}
let assetForReads: string | undefined;
const sharedAsset = async () => (assetForReads ??= await newAsset());

beforeAll(async () => {
  // Feeds are read from a loopback site, reachable only with private hosts allowed.
  feedSite = await startFeedSite();
  t = await startTestTandem({ ENABLE_SINK_CONNECTOR: 'true', OAUTH_SINK_OAUTH_CLIENT_ID: 'walk', LINK_PREVIEW_PRIVATE_HOSTS: 'true' });
  routes.push(...(t.app!.routeTable as typeof routes));
  const o = await signUpUser(t.baseUrl, 'Owner');
  owner = o.client;
  workspaceId = (await owner.post('/api/workspaces', { name: 'Walked' })).body.id;
  for (const role of ROLES) asRole.set(role, await addMember([role]));
  const other = await signUpUser(t.baseUrl, 'Outsider');
  outsider = other.client;
  const otherWs = (await outsider.post('/api/workspaces', { name: 'Elsewhere' })).body.id;
  const tok = await outsider.post(`/api/workspaces/${otherWs}/tokens`, { name: 'all scopes', scopes: TOKEN_SCOPES });
  outsiderToken = new ApiClient(t.baseUrl);
  outsiderToken.bearer = tok.body.token;
});
afterAll(async () => {
  await t?.stop();
  await feedSite?.close();
});

describe('the permission matrix, walked over every route', () => {
  it('knows every workspace route and the action it needs', () => {
    const wsRoutes = routes.filter((r) => r.url.includes(':workspaceId'));
    expect(wsRoutes.length).toBeGreaterThan(10);
    for (const r of wsRoutes) {
      expect(r.action, `${r.method} ${r.url} must declare config.action`).toBeDefined();
      expect(samples[`${r.method} ${r.url}`], `add a sample request for ${r.method} ${r.url} to this test`).toBeDefined();
    }
  });

  it('answers each role as the matrix says', async () => {
    for (const r of routes.filter((x) => x.action)) {
      for (const role of ROLES) {
        const who = asRole.get(role)!;
        const sample = await samples[`${r.method} ${r.url}`]!({ ...who, role });
        const res = await who.client.request(r.method, `/api/workspaces/${workspaceId}${sample.path}`, sample.body);
        const label = `${role} ${r.method} ${r.url} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
        if (rolesAllow([role], r.action!)) expect(res.status, label).toBeLessThan(400);
        else {
          expect(res.status, label).toBe(403);
          expect(res.body.error.code, label).toBe('FORBIDDEN');
        }
      }
    }
  });

  it('never crosses workspaces: members of another workspace and its tokens see "not found"', async () => {
    for (const r of routes.filter((x) => x.action)) {
      for (const client of [outsider, outsiderToken]) {
        const sample = await samples[`${r.method} ${r.url}`]!({ userId: '', client });
        const res = await client.request(r.method, `/api/workspaces/${workspaceId}${sample.path}`, sample.body);
        expect(res.status, `${r.method} ${r.url}`).toBe(404);
      }
    }
  });

  it('checks API token scopes on top of roles', async () => {
    const tok = await owner.post(`/api/workspaces/${workspaceId}/tokens`, { name: 'read only', scopes: ['workspace:read'] });
    const api = new ApiClient(t.baseUrl);
    api.bearer = tok.body.token;
    expect((await api.get(`/api/workspaces/${workspaceId}`)).status).toBe(200);
    const members = await api.get(`/api/workspaces/${workspaceId}/members`);
    expect(members.status).toBe(403);
    expect(members.body.error.message).toMatch(/members:read/);
    // Tokens cannot mint tokens or turn on 2FA: only a person at the screen can.
    expect((await api.post(`/api/workspaces/${workspaceId}/tokens`, { name: 'x', scopes: ['workspace:read'] })).status).toBe(403);
  });

  it('refuses a token scopes its creator cannot use, and revokes tokens of removed members', async () => {
    const analyst = asRole.get('analyst')!;
    const tooMuch = await analyst.client.post(`/api/workspaces/${workspaceId}/tokens`, { name: 'x', scopes: ['members:write'] });
    expect(tooMuch.status).toBe(403);
    const m = await addMember(['contributor']);
    const tok = await m.client.post(`/api/workspaces/${workspaceId}/tokens`, { name: 'mine', scopes: ['workspace:read'] });
    const api = new ApiClient(t.baseUrl);
    api.bearer = tok.body.token;
    expect((await api.get(`/api/workspaces/${workspaceId}`)).status).toBe(200);
    expect((await owner.delete(`/api/workspaces/${workspaceId}/members/${m.userId}`)).status).toBe(200);
    expect((await api.get(`/api/workspaces/${workspaceId}`)).status).toBe(401);
  });

  it('documents the matrix in docs/PERMISSIONS.md exactly as the code has it', async () => {
    const { readFile } = await import('node:fs/promises');
    const { permissionsMarkdown } = await import('../../scripts/permissionsDoc');
    expect(await readFile(new URL('../../docs/PERMISSIONS.md', import.meta.url), 'utf8')).toBe(permissionsMarkdown());
    expect(Object.keys(ACTIONS).length).toBeGreaterThan(5);
  });
});

import { communityConnector } from '../../../connectors/community';
import { connectorContract, type Scenario } from '../../../connectors/test/contract';
import type { ConnectorContext } from '../../../connectors/types';
import { startTestTandem, type TestTandem } from '../../test/testServer';
import { communityHost } from './channelHost';
import { communityOwner, createSpace, joinCommunity } from './testMembers';

/**
 * The community connector passes the contract every network passes, against the real community
 * (its host on a real database, members writing through the members' API) instead of recordings.
 * Scenarios the community cannot produce are skipped with the reason: it has no rate limits for
 * staff and no network to fail.
 */
let t: TestTandem | undefined;
let setup: Promise<{ ws: string; ownerId: string; spaceId: string }> | undefined;

async function community() {
  setup ??= (async () => {
    t = await startTestTandem();
    const { owner, ownerId, workspaceId: ws } = await communityOwner(t, 'Caffè Contract');
    const space = await createSpace(owner, ws, { name: 'Announcements', slug: 'announcements' });
    return { ws, ownerId, spaceId: space.id };
  })();
  return setup;
}

const SKIP: Partial<Record<Scenario, string>> = {
  error_rate_limited: 'the community does not rate-limit staff',
  error_transient: 'the community is in-process: there is no network to fail',
};

connectorContract({
  connector: communityConnector,
  async prepare(scenario) {
    if (SKIP[scenario]) return { skip: SKIP[scenario]! };
    const { ws, ownerId, spaceId } = await community();
    const db = t!.database.db;
    const host = communityHost(db, ws);
    const ctx: ConnectorContext = { auth: { spaceId }, host: { community: host }, actor: { userId: ownerId }, onAuthRefreshed: async () => {} };
    const recording = { source: 'the community module on a real database', exchanges: [] as never[] };
    const memberPost = async () => {
      const m = await joinCommunity(t!, ws, { name: 'Giulia' });
      const staff = await host.startStaffThread({ spaceId, authorUserId: ownerId, title: 'Roastery tour', body: 'Saturday at 10', idempotencyKey: `contract-${scenario}-${Date.now()}` });
      const reply = (await m.post(`/threads/${staff.threadId}/replies`, { body: 'What time does the tour start?' })).body as { id: string };
      return { id: reply.id, kind: 'comment' as const, meta: { threadId: staff.threadId } };
    };
    switch (scenario) {
      case 'connect':
        return { ctx, recording: { ...recording, input: { space: 'announcements' } }, finish: () => {} };
      case 'error_auth_expired':
        // The channel's space was removed since it was connected.
        return { ctx: { ...ctx, auth: { spaceId: '00000000-0000-4000-8000-000000000000' } }, recording, finish: () => {} };
      case 'error_rejected':
        // The post's author has left the team.
        return { ctx: { ...ctx, actor: { userId: '00000000-0000-4000-8000-000000000001' } }, recording: { ...recording, expectMessage: 'no longer in the workspace' }, finish: () => {} };
      case 'pull_inbound':
        await memberPost();
        return { ctx, recording: { ...recording, input: {} }, finish: () => {} };
      case 'reply':
        return { ctx, recording: { ...recording, input: { to: await memberPost() } }, finish: () => {} };
      case 'hide_comment':
      case 'delete_comment':
        return { ctx, recording: { ...recording, input: { item: await memberPost() } }, finish: () => {} };
      default:
        return { ctx, recording, finish: () => {} };
    }
  },
  close: async () => t?.stop(),
});

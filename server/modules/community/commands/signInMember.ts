import { and, eq } from 'drizzle-orm';
import type { AppContext, RequestMeta } from '../../../context';
import { communityMembers } from '../../../db/schema';
import { unauthenticated } from '../../../errors';
import { verifyPassword } from '../../identity';
import { findCommunity } from '../queries/findCommunity';
import { startMemberSession } from './startMemberSession';

export async function signInMember({ ctx, workspaceId, email, password, meta }: { ctx: AppContext; workspaceId: string; email: string; password: string; meta: RequestMeta }) {
  await findCommunity(ctx.db, workspaceId);
  const [member] = await ctx.db.select().from(communityMembers).where(and(eq(communityMembers.workspaceId, workspaceId), eq(communityMembers.email, email)));
  // Verified even for unknown emails, so the answer time does not tell which emails are members.
  // Imported members have no password yet: they are refused like unknown emails, in the same time.
  const ok = await verifyPassword(member?.passwordHash ?? undefined, password);
  if (!member || !ok) throw unauthenticated('That email and password do not match a member of this community.');
  const session = await startMemberSession(ctx.db, workspaceId, member.id, meta);
  return { member, session };
}

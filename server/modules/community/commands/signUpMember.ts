import { and, eq } from 'drizzle-orm';
import type { AppContext, RequestMeta } from '../../../context';
import { communityMembers } from '../../../db/schema';
import { AppError, conflict } from '../../../errors';
import { hashPassword } from '../../identity';
import { findCommunity } from '../queries/findCommunity';
import { isUniqueViolation } from '../uniqueViolation';
import { startMemberSession } from './startMemberSession';
import { freeHandle } from '../handles';
import { createNotifications } from './createNotifications';

export interface SignUpMemberOptions {
  ctx: AppContext;
  workspaceId: string;
  email: string;
  password: string;
  displayName: string;
  meta: RequestMeta;
}

/** Joins a community with email and password (an account of this community only) and signs in. */
export async function signUpMember({ ctx, workspaceId, email, password, displayName, meta }: SignUpMemberOptions, attempt = 1): Promise<{ member: typeof communityMembers.$inferSelect; session: Awaited<ReturnType<typeof startMemberSession>> }> {
  const community = await findCommunity(ctx.db, workspaceId);
  if (!community.signupOpen) throw new AppError('FORBIDDEN', `${community.name} is not accepting new members right now.`);
  const passwordHash = await hashPassword(password);
  const taken = () => conflict('That email already belongs to a member of this community: sign in instead.');
  try {
    return await ctx.db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: communityMembers.id }).from(communityMembers).where(and(eq(communityMembers.workspaceId, workspaceId), eq(communityMembers.email, email)));
      if (existing) throw taken();
      const handle = await freeHandle(tx, workspaceId, displayName);
      const [member] = await tx.insert(communityMembers).values({ workspaceId, email, passwordHash, displayName, handle }).returning();
      if (community.welcomeMessageHtml) {
        await createNotifications(tx, workspaceId, [{ memberId: member!.id, kind: 'welcome', dedupeKey: 'welcome', payload: { communityName: community.name, messageHtml: community.welcomeMessageHtml } }]);
      }
      const session = await startMemberSession(tx, workspaceId, member!.id, meta);
      return { member: member!, session };
    });
  } catch (e) {
    // Two namesakes joining at the same instant can pick the same handle: the second one tries again.
    if (isUniqueViolation(e) && isHandleClash(e) && attempt < 3) return signUpMember({ ctx, workspaceId, email, password, displayName, meta }, attempt + 1);
    throw isUniqueViolation(e) ? taken() : e;
  }
}

function isHandleClash(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    if ((x as { constraint?: unknown }).constraint === 'community_members_handle_uq') return true;
  }
  return false;
}

import { eq } from 'drizzle-orm';
import type { AppContext, RequestMeta } from '../../../context';
import { communityMembers, communitySessions } from '../../../db/schema';
import { AppError } from '../../../errors';
import { hashPassword } from '../../identity';
import { consumeMemberToken, voidOtherTokens } from '../memberTokens';
import { startMemberSession } from './startMemberSession';

export interface ResetMemberPasswordOptions {
  ctx: AppContext;
  workspaceId: string;
  token: string;
  password: string;
  meta: RequestMeta;
}

/**
 * Sets a new password with the emailed token (once), ends every session of the member (whoever
 * knew the old password is out), voids their other emailed links, and signs in on this device.
 */
export async function resetMemberPassword({ ctx, workspaceId, token, password, meta }: ResetMemberPasswordOptions) {
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const used = await consumeMemberToken(tx, workspaceId, token, ['reset']);
    if (!used?.memberId) throw new AppError('BAD_REQUEST', 'This reset link is invalid, used or expired. Ask for a new one.', { reason: 'invalid_token' });
    const [member] = await tx.update(communityMembers).set({ passwordHash }).where(eq(communityMembers.id, used.memberId)).returning();
    await tx.delete(communitySessions).where(eq(communitySessions.memberId, used.memberId));
    await voidOtherTokens(tx, workspaceId, used.email, ['reset', 'magic']);
    const session = await startMemberSession(tx, workspaceId, used.memberId, meta);
    return { member: member!, session };
  });
}

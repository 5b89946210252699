import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AppContext, RequestMeta } from '../../../context';
import { passwordResets, sessions, users } from '../../../db/schema';
import { sha256 } from '../../../crypto';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { hashPassword } from '../passwords';

export async function resetPassword({ ctx, token, password, meta }: { ctx: AppContext; token: string; password: string; meta: RequestMeta }): Promise<void> {
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const [reset] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, sha256(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning();
    if (!reset) throw new AppError('BAD_REQUEST', 'This reset link is invalid, used or expired. Ask for a new one.');
    const [user] = await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).returning();
    // Whoever knew the old password is signed out everywhere.
    await tx.delete(sessions).where(eq(sessions.userId, reset.userId));
    await recordAudit({ db: tx, action: 'auth.passwordReset', actor: { userId: user!.id, userName: user!.name }, ip: meta.ip });
  });
}

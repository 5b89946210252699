import { eq } from 'drizzle-orm';
import type { AppContext, RequestMeta } from '../../../context';
import { passwordResets, users } from '../../../db/schema';
import { randomToken, sha256 } from '../../../crypto';
import { passwordResetEmail } from '../../../mail/templates';
import type { Locale } from '../../../../shared/contracts/common';
import { recordAudit } from '../../audit';
import { sendEmail } from '../../system';

const RESET_MINUTES = 60;

/** Silent when the email is unknown: the answer must not reveal who has an account. */
export async function requestPasswordReset({ ctx, email, meta }: { ctx: AppContext; email: string; meta: RequestMeta }): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user) return;
  const token = randomToken();
  const link = `${ctx.publicUrl}/reset-password?token=${token}`;
  await ctx.db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({ userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
    await ctx.jobs.enqueue(tx, sendEmail, passwordResetEmail(user.locale as Locale, user.email, user.name, link));
    await recordAudit({ db: tx, action: 'auth.passwordResetRequested', actor: { userId: user.id, userName: user.name }, ip: meta.ip });
  });
}

import { eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import type { AppContext, RequestMeta } from '../../../context';
import { users } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { verifyPassword } from '../passwords';
import { startSession } from './startSession';

authenticator.options = { window: 1 };

export interface SignInOptions {
  ctx: AppContext;
  email: string;
  password: string;
  totp?: string;
  meta: RequestMeta;
}

export async function signIn({ ctx, email, password, totp, meta }: SignInOptions) {
  const [user] = await ctx.db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok) {
    if (user) await recordAudit({ db: ctx.db, action: 'auth.signInFailed', actor: { userId: user.id, userName: user.name }, ip: meta.ip, data: { reason: 'password' } });
    throw new AppError('UNAUTHENTICATED', 'That email and password do not match an account.');
  }
  if (user.totpEnabled) {
    if (!totp) throw new AppError('TOTP_REQUIRED', 'Enter the 6-digit code from your authenticator app.');
    if (!authenticator.verify({ token: totp, secret: ctx.secrets.open(user.totpSecretEnc!) })) {
      await recordAudit({ db: ctx.db, action: 'auth.signInFailed', actor: { userId: user.id, userName: user.name }, ip: meta.ip, data: { reason: 'totp' } });
      throw new AppError('TOTP_REQUIRED', 'That code is wrong or expired; enter the current one.');
    }
  }
  return ctx.db.transaction(async (tx) => {
    const session = await startSession(tx, user.id, meta);
    await recordAudit({ db: tx, action: 'auth.signIn', actor: { userId: user.id, userName: user.name }, ip: meta.ip, data: { twoFactor: user.totpEnabled } });
    return { user, session };
  });
}

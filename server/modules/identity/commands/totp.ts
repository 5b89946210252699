import { eq } from 'drizzle-orm';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';
import type { AppContext, Auth, RequestMeta } from '../../../context';
import { users } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';

async function loadUser(ctx: AppContext, userId: string) {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('UNAUTHENTICATED', 'Your account no longer exists.');
  return user;
}

/** A fresh secret, stored sealed but not yet active until a code proves the app has it. */
export async function setupTotp(ctx: AppContext, auth: Auth) {
  const user = await loadUser(ctx, auth.userId);
  if (user.totpEnabled) throw new AppError('CONFLICT', 'Two-factor sign-in is already on. Turn it off first to set up a new device.');
  const secret = authenticator.generateSecret();
  await ctx.db.update(users).set({ totpSecretEnc: ctx.secrets.seal(secret) }).where(eq(users.id, user.id));
  const otpauthUrl = authenticator.keyuri(user.email, 'Tandem', secret);
  return { secret, otpauthUrl, qrDataUrl: await QRCode.toDataURL(otpauthUrl) };
}

export async function enableTotp(ctx: AppContext, auth: Auth, code: string, meta: RequestMeta) {
  const user = await loadUser(ctx, auth.userId);
  if (!user.totpSecretEnc) throw new AppError('BAD_REQUEST', 'Start the two-factor setup first.');
  if (!authenticator.verify({ token: code, secret: ctx.secrets.open(user.totpSecretEnc) })) {
    throw new AppError('VALIDATION_FAILED', 'That code does not match; check the time on your phone and try the current code.', { fields: { code: 'Wrong code.' } });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabled: true }).where(eq(users.id, user.id));
    await recordAudit({ db: tx, action: 'auth.totpEnabled', actor: auth, ip: meta.ip });
  });
}

export async function disableTotp(ctx: AppContext, auth: Auth, code: string, meta: RequestMeta) {
  const user = await loadUser(ctx, auth.userId);
  if (!user.totpEnabled || !user.totpSecretEnc) throw new AppError('CONFLICT', 'Two-factor sign-in is already off.');
  if (!authenticator.verify({ token: code, secret: ctx.secrets.open(user.totpSecretEnc) })) {
    throw new AppError('VALIDATION_FAILED', 'That code does not match.', { fields: { code: 'Wrong code.' } });
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ totpEnabled: false, totpSecretEnc: null }).where(eq(users.id, user.id));
    await recordAudit({ db: tx, action: 'auth.totpDisabled', actor: auth, ip: meta.ip });
  });
}

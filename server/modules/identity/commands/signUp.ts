import type { AppContext, RequestMeta } from '../../../context';
import { AppError } from '../../../errors';
import type { Locale } from '../../../../shared/contracts/common';
import { recordAudit } from '../../audit';
import { createUser } from './createUser';
import { startSession } from './startSession';

export interface SignUpOptions {
  ctx: AppContext;
  email: string;
  password: string;
  name: string;
  locale?: Locale;
  meta: RequestMeta;
}

export async function signUp({ ctx, email, password, name, locale, meta }: SignUpOptions) {
  if (!ctx.signupOpen) throw new AppError('FORBIDDEN', 'Sign-up is closed on this Tandem. Ask an owner for an invitation.');
  return ctx.db.transaction(async (tx) => {
    const user = await createUser({ db: tx, email, password, name, locale });
    const session = await startSession(tx, user.id, meta);
    await recordAudit({ db: tx, action: 'auth.signUp', actor: { userId: user.id, userName: user.name }, ip: meta.ip });
    return { user, session };
  });
}

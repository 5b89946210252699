import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import type { Locale } from '../../../../shared/contracts/common';

export async function updateProfile({ db, userId, name, locale }: { db: Db; userId: string; name?: string; locale?: Locale }): Promise<void> {
  if (name === undefined && locale === undefined) return;
  await db.update(users).set({ ...(name !== undefined && { name }), ...(locale !== undefined && { locale }) }).where(eq(users.id, userId));
}

import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import { conflict } from '../../../errors';
import type { Locale } from '../../../../shared/contracts/common';
import { hashPassword } from '../passwords';

export interface CreateUserOptions {
  db: Db;
  email: string;
  name: string;
  password: string;
  locale?: Locale;
}

export async function createUser({ db, email, name, password, locale = 'en' }: CreateUserOptions) {
  const normalized = email.trim().toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, normalized));
  if (existing) throw conflict('An account with this email already exists. Sign in, or reset the password.');
  const [user] = await db.insert(users).values({ email: normalized, name, locale, passwordHash: await hashPassword(password) }).returning();
  return user!;
}

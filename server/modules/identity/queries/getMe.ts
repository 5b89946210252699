import { eq } from 'drizzle-orm';
import type { Auth } from '../../../context';
import type { Db } from '../../../db/client';
import { users } from '../../../db/schema';
import { unauthenticated } from '../../../errors';
import { listMemberships } from '../../workspaces';
import { presentMe } from '../presenters';

export async function getMe(db: Db, auth: Auth) {
  const [user] = await db.select().from(users).where(eq(users.id, auth.userId));
  if (!user) throw unauthenticated();
  let memberships = await listMemberships(db, auth.userId);
  // A token sees only the workspace it was made for.
  if (auth.token) memberships = memberships.filter((m) => m.workspaceId === auth.token!.workspaceId);
  return presentMe(user, memberships, auth.csrfToken ?? '');
}

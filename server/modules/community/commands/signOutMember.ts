import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communitySessions } from '../../../db/schema';

export async function signOutMember(db: Db, sessionId: string): Promise<void> {
  await db.delete(communitySessions).where(eq(communitySessions.id, sessionId));
}

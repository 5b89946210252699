import { and, asc, eq, ne } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { channels } from '../../../db/schema';
import { presentChannel } from '../presenters';

export async function listChannels(db: Db, workspaceId: string) {
  const rows = await db.select().from(channels).where(and(eq(channels.workspaceId, workspaceId), ne(channels.status, 'disconnected'))).orderBy(asc(channels.createdAt));
  return rows.map(presentChannel);
}

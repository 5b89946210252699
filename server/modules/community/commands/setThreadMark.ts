import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityBookmarks, communityFollows } from '../../../db/schema';
import type { MemberViewer } from '../policies';
import { findReadableThread } from '../queries/getThread';
import { getThreadMarks } from '../queries/getThreadMarks';

const TABLES = { bookmark: communityBookmarks, follow: communityFollows };

/** Bookmarks or follows a readable thread (on), or stops (off); both idempotent. */
export async function setThreadMark({ db, viewer, threadId, mark, on }: { db: Db; viewer: MemberViewer; threadId: string; mark: keyof typeof TABLES; on: boolean }) {
  const { thread } = await findReadableThread(db, viewer, threadId);
  const table = TABLES[mark];
  if (on) await db.insert(table).values({ workspaceId: viewer.workspaceId, threadId: thread.id, memberId: viewer.member.id }).onConflictDoNothing();
  else await db.delete(table).where(and(eq(table.workspaceId, viewer.workspaceId), eq(table.threadId, thread.id), eq(table.memberId, viewer.member.id)));
  return { threadId: thread.id, ...(await getThreadMarks(db, viewer, thread.id))! };
}

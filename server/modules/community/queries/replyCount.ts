import { sql } from 'drizzle-orm';
import { communityPosts, communityThreads } from '../../../db/schema';

/** Published, undeleted replies of the thread in the current row (a correlated subquery). */
export const replyCountSql = sql<number>`(select count(*)::int from ${communityPosts} p where p.thread_id = ${communityThreads.id} and not p.is_opening and p.state = 'published' and p.deleted_at is null)`;

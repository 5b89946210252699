import { sql } from 'drizzle-orm';
import { communityPosts } from '../../../db/schema';

/**
 * Published, undeleted, unhidden replies of the thread in the current row (a correlated subquery). The outer
 * column is named by hand: in a single-table select Drizzle drops table names from columns inside
 * sql``, and a bare "id" would then mean the reply's own id (every count 0).
 */
export const replyCountSql = sql<number>`(select count(*)::int from ${communityPosts} p where p.thread_id = ${sql.identifier('community_threads')}.${sql.identifier('id')} and not p.is_opening and p.state = 'published' and p.deleted_at is null and p.hidden_at is null)`;

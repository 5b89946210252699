import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityPosts, communitySpaces, communityThreads } from '../../../db/schema';
import type { Viewer } from '../policies';
import { presentSearchHit } from '../presenters';
import { HEADLINE_OPTIONS, MARK_START, MARK_STOP, TITLE_HEADLINE_OPTIONS } from '../search/highlight';
import { SEARCH_CONFIGS } from '../search/searchVector';
import { findReadableSpace, findReadableSpaceBySlug } from './findSpace';
import { loadAuthors } from './loadAuthors';
import { readableSpaces } from './listSpaces';

export interface SearchCommunityOptions {
  db: Db;
  viewer: Viewer;
  /** The searcher's words, in web-search syntax: "quoted phrase", or, -not. */
  q: string;
  /** Only this space (members name it by slug, the team by id). */
  space?: { slug: string } | { spaceId: string };
  /** Only this member's posts. */
  authorMemberId?: string;
  page: number;
  pageSize: number;
}

const cfg = (name: string) => sql.raw(`'${name}'::regconfig`);
const tsq = (name: string, q: string) => sql`websearch_to_tsquery(${cfg(name)}, ${q})`;

/**
 * Posts matching the words, best first. Each post was indexed in its own language, so the words are
 * parsed (websearch_to_tsquery: any input is valid) with that language's configuration, and also
 * with `simple` so a word matches as typed whatever the post's language. One OR branch per
 * language keeps the GIN index usable.
 */
export async function searchCommunity({ db, viewer, q, space, authorMemberId, page, pageSize }: SearchCommunityOptions) {
  const p = communityPosts;
  const t = communityThreads;
  const known = ['en', 'it', 'es'] as const;
  const simpleQ = tsq(SEARCH_CONFIGS.other, q);
  // The simple parse covers the posts in other languages too (they are indexed with tandem_simple).
  const match = or(...known.map((lang) => and(eq(p.language, lang), sql`${p.searchVector} @@ ${tsq(SEARCH_CONFIGS[lang], q)}`)), sql`${p.searchVector} @@ ${simpleQ}`);
  const langQ = sql`(case ${p.language} ${sql.join(
    known.map((lang) => sql`when ${lang} then ${tsq(SEARCH_CONFIGS[lang], q)}`),
    sql` `,
  )} else ${simpleQ} end || ${simpleQ})`;
  const langCfg = sql`(case ${p.language} ${sql.join(
    known.map((lang) => sql`when ${lang} then ${cfg(SEARCH_CONFIGS[lang])}`),
    sql` `,
  )} else ${cfg(SEARCH_CONFIGS.other)} end)`;
  const marks = `${MARK_START}${MARK_STOP}`;
  const rank = sql<number>`ts_rank_cd(${p.searchVector}, ${langQ})`;

  let spaceFilter: SQL | undefined;
  if (space) {
    const s = 'slug' in space ? await findReadableSpaceBySlug(db, viewer, space.slug) : await findReadableSpace(db, viewer, space.spaceId);
    spaceFilter = eq(p.spaceId, s.id);
  }
  const readable = db.select({ id: communitySpaces.id }).from(communitySpaces).where(readableSpaces(db, viewer));
  // Pending posts (and threads) show only to their author and the staff, as everywhere else.
  let visible: SQL | undefined = and(eq(p.state, 'published'), eq(t.state, 'published'));
  if (viewer.kind === 'staff') visible = undefined;
  if (viewer.kind === 'member') visible = or(visible, and(eq(p.authorMemberId, viewer.member.id), or(eq(t.state, 'published'), eq(t.authorMemberId, viewer.member.id))));

  const rows = await db
    .select({
      post: { id: p.id, threadId: p.threadId, spaceId: p.spaceId, isOpening: p.isOpening, authorMemberId: p.authorMemberId, authorUserId: p.authorUserId, state: p.state, language: p.language, createdAt: p.createdAt },
      thread: { title: t.title, acceptedPostId: t.acceptedPostId },
      space: { slug: communitySpaces.slug, name: communitySpaces.name },
      rank,
      snippet: sql<string>`ts_headline(${langCfg}, translate(${p.bodySource}, ${marks}, ''), ${langQ}, ${HEADLINE_OPTIONS})`,
      title: sql<string>`ts_headline(${langCfg}, translate(${t.title}, ${marks}, ''), ${langQ}, ${TITLE_HEADLINE_OPTIONS})`,
    })
    .from(p)
    .innerJoin(t, and(eq(t.workspaceId, p.workspaceId), eq(t.id, p.threadId)))
    .innerJoin(communitySpaces, eq(communitySpaces.id, p.spaceId))
    .where(
      and(
        eq(p.workspaceId, viewer.workspaceId),
        inArray(p.spaceId, readable),
        isNull(p.deletedAt),
        isNull(t.deletedAt),
        visible,
        spaceFilter,
        authorMemberId ? eq(p.authorMemberId, authorMemberId) : undefined,
        match,
      ),
    )
    .orderBy(desc(rank), desc(p.createdAt), desc(p.seq))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  const hits = rows.slice(0, pageSize);
  const authors = await loadAuthors(db, viewer, hits.map((r) => r.post));
  return { query: q, page, pageSize, hasMore: rows.length > pageSize, results: hits.map((r) => presentSearchHit(r, authors)) };
}

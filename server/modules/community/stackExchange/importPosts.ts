import { randomUUID } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityPostRevisions, communityPosts, communityThreads } from '../../../db/schema';
import { postSearchColumns } from '../search/searchVector';
import type { DumpRow } from './dumpReader';
import { recordExternalIds, type SiteKey } from './externalIds';
import { seBody, seComment, seDate, seTags } from './seText';

/** What the steps share: ids already imported (loaded once, filled as rows are written). */
export interface ImportState {
  key: SiteKey;
  space: { id: string; defaultLanguage: string };
  members: Map<string, string>;
  posts: Map<string, { postId: string; threadId: string }>;
  comments: Map<string, string>;
  /** Question id → its accepted answer's id, as the dump says. */
  accepted: Map<string, string>;
  /** Answers read before their question (kept for a second pass). */
  orphans: DumpRow[];
  /** Handles taken in the community, loaded at the first Users batch (imported members get @handles like everyone). */
  handles?: Set<string>;
  counts: Record<string, number>;
}

export const bump = (s: ImportState, what: string, n = 1) => {
  s.counts[what] = (s.counts[what] ?? 0) + n;
};

type PostValues = Omit<typeof communityPosts.$inferInsert, 'searchVector'> & { searchVector: SQL };

function postValues(s: ImportState, o: { id: string; threadId: string; isOpening: boolean; replyToId?: string; userId?: string; title: string | null; body: { bodySource: string; bodyHtml: string }; createdAt: Date; editedAt?: Date | null }): PostValues {
  return {
    id: o.id,
    workspaceId: s.key.workspaceId,
    spaceId: s.space.id,
    threadId: o.threadId,
    isOpening: o.isOpening,
    replyToId: o.replyToId ?? null,
    authorMemberId: (o.userId && s.members.get(o.userId)) || null,
    authorUserId: null,
    ...o.body,
    state: 'published',
    ...postSearchColumns(o.title, o.body.bodySource, s.space.defaultLanguage),
    createdAt: o.createdAt,
    editedAt: o.editedAt ?? null,
  };
}

async function writePosts(tx: Db, s: ImportState, posts: PostValues[], titles: Map<string, string>) {
  if (!posts.length) return;
  await tx.insert(communityPosts).values(posts);
  await tx.insert(communityPostRevisions).values(
    posts.map((p) => ({ workspaceId: s.key.workspaceId, postId: p.id!, version: 1, title: titles.get(p.id!) ?? null, bodySource: p.bodySource, editedByMemberId: p.authorMemberId, createdAt: p.createdAt })),
  );
}

/** Questions become threads (title, tags) with their opening post; answers become replies. Tag wikis are skipped. */
export async function importPostRows(db: Db, s: ImportState, rows: DumpRow[], deferOrphans = true): Promise<void> {
  const threads: (typeof communityThreads.$inferInsert)[] = [];
  const posts: PostValues[] = [];
  const titles = new Map<string, string>();
  const mapped: { externalId: string; localId: string }[] = [];
  for (const { attrs: a } of rows) {
    const id = a.Id!;
    if (a.PostTypeId === '1' && a.AcceptedAnswerId) s.accepted.set(id, a.AcceptedAnswerId);
    if (s.posts.has(id)) {
      bump(s, 'postsAlreadyImported');
      continue;
    }
    const createdAt = seDate(a.CreationDate) ?? new Date();
    const editedAt = seDate(a.LastEditDate);
    if (a.PostTypeId === '1') {
      const threadId = randomUUID();
      const postId = randomUUID();
      const title = (a.Title ?? '').trim() || `Question ${id}`;
      threads.push({ id: threadId, workspaceId: s.key.workspaceId, spaceId: s.space.id, title, authorMemberId: (a.OwnerUserId && s.members.get(a.OwnerUserId)) || null, state: 'published', tags: seTags(a.Tags), createdAt, lastPostedAt: createdAt });
      posts.push(postValues(s, { id: postId, threadId, isOpening: true, userId: a.OwnerUserId, title, body: seBody(a.Body ?? ''), createdAt, editedAt }));
      titles.set(postId, title);
      s.posts.set(id, { postId, threadId });
      mapped.push({ externalId: id, localId: postId });
      bump(s, 'questions');
    } else if (a.PostTypeId === '2') {
      const parent = a.ParentId ? s.posts.get(a.ParentId) : undefined;
      if (!parent) {
        if (deferOrphans) s.orphans.push({ line: 0, attrs: a });
        else bump(s, 'answersWithoutQuestion');
        continue;
      }
      const postId = randomUUID();
      posts.push(postValues(s, { id: postId, threadId: parent.threadId, isOpening: false, userId: a.OwnerUserId, title: null, body: seBody(a.Body ?? ''), createdAt, editedAt }));
      s.posts.set(id, { postId, threadId: parent.threadId });
      mapped.push({ externalId: id, localId: postId });
      bump(s, 'answers');
    } else bump(s, 'otherPostsSkipped');
  }
  await db.transaction(async (tx) => {
    if (threads.length) await tx.insert(communityThreads).values(threads);
    await writePosts(tx, s, posts, titles);
    await recordExternalIds(tx, s.key, 'post', mapped);
  });
}

/** Comments become replies in their post's thread, answering that post (replyToId). */
export async function importCommentRows(db: Db, s: ImportState, rows: DumpRow[]): Promise<void> {
  const posts: PostValues[] = [];
  const mapped: { externalId: string; localId: string }[] = [];
  for (const { attrs: a } of rows) {
    const id = a.Id!;
    if (s.comments.has(id)) {
      bump(s, 'commentsAlreadyImported');
      continue;
    }
    const target = a.PostId ? s.posts.get(a.PostId) : undefined;
    if (!target) {
      bump(s, 'commentsOnSkippedPosts');
      continue;
    }
    const postId = randomUUID();
    posts.push(postValues(s, { id: postId, threadId: target.threadId, isOpening: false, replyToId: target.postId, userId: a.UserId, title: null, body: seComment(a.Text ?? ''), createdAt: seDate(a.CreationDate) ?? new Date() }));
    s.comments.set(id, postId);
    mapped.push({ externalId: id, localId: postId });
    bump(s, 'comments');
  }
  await db.transaction(async (tx) => {
    await writePosts(tx, s, posts, new Map());
    await recordExternalIds(tx, s.key, 'comment', mapped);
  });
}

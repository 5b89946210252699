import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communitySpaces, communityThreads } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { findCommunity } from '../queries/findCommunity';
import { readDumpRows, type DumpRow } from '../stackExchange/dumpReader';
import { loadExternalIds, loadImportedPosts, recordExternalIds, setScores, type SiteKey } from '../stackExchange/externalIds';
import { importBadgeRows, importUserRows } from '../stackExchange/importPeople';
import { bump, importCommentRows, importPostRows, type ImportState } from '../stackExchange/importPosts';

export const DUMP_FILES = ['Users', 'Posts', 'Comments', 'Votes', 'Badges'] as const;
export type DumpFile = (typeof DUMP_FILES)[number];

export interface ImportProgress {
  file: DumpFile;
  rows: number;
  bytes: number;
  totalBytes: number;
  done: boolean;
}

export interface ImportStackExchangeOptions {
  db: Db;
  workspaceId: string;
  /** A site's dump folder (Users.xml, Posts.xml, …); its name is the site, e.g. bicycles.meta.stackexchange.com. */
  folder: string;
  onProgress?: (p: ImportProgress) => void;
}

/**
 * Brings a Stack Exchange site into the workspace's community as one Q&A space: users become
 * members (no email, no password), questions threads, answers and comments replies, accepted
 * answers and vote scores carry over, badges go on profiles. Every file is streamed. Each row is
 * recorded under (stackexchange, site, kind, id), so running it again adds only what is new.
 */
export async function importStackExchange({ db, workspaceId, folder, onProgress }: ImportStackExchangeOptions) {
  const dir = resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AppError('NOT_FOUND', `No folder at ${dir}: give the folder of one site's dump (with Users.xml, Posts.xml, …).`);
  const missing = DUMP_FILES.filter((f) => !existsSync(join(dir, `${f}.xml`)));
  if (missing.length) throw new AppError('NOT_FOUND', `${dir} lacks ${missing.map((f) => `${f}.xml`).join(', ')}: a Stack Exchange dump folder has ${DUMP_FILES.map((f) => `${f}.xml`).join(', ')}.`);
  await findCommunity(db, workspaceId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') throw notFound(`A community for workspace ${workspaceId} (set it up first)`);
    throw err;
  });
  const started = Date.now();
  const key: SiteKey = { workspaceId, site: basename(dir) };
  const s: ImportState = {
    key,
    space: await findOrCreateSpace(db, key),
    members: await loadExternalIds(db, key, 'user'),
    posts: await loadImportedPosts(db, key),
    comments: await loadExternalIds(db, key, 'comment'),
    accepted: new Map(),
    orphans: [],
    counts: {},
  };
  let rowsRead = 0;
  const stream = async (file: DumpFile, each: (rows: DumpRow[]) => Promise<void>) => {
    const path = join(dir, `${file}.xml`);
    const totalBytes = statSync(path).size;
    let rows = 0;
    let bytes = 0;
    for await (const batch of readDumpRows(path, file.toLowerCase(), (b) => (bytes = b))) {
      await each(batch);
      rows += batch.length;
      onProgress?.({ file, rows, bytes, totalBytes, done: false });
    }
    rowsRead += rows;
    onProgress?.({ file, rows, bytes: totalBytes, totalBytes, done: true });
  };

  await stream('Users', (rows) => importUserRows(db, s, rows));
  await stream('Posts', (rows) => importPostRows(db, s, rows));
  if (s.orphans.length) await importPostRows(db, s, s.orphans.splice(0), false);
  await markAcceptedAnswers(db, s);
  await stream('Comments', (rows) => importCommentRows(db, s, rows));
  const votes = new Map<string, number>();
  await stream('Votes', async (rows) => {
    for (const { attrs: a } of rows) {
      // 2 = up, 3 = down; the other types (accept, favourite, close, …) are not a score.
      const delta = a.VoteTypeId === '2' ? 1 : a.VoteTypeId === '3' ? -1 : 0;
      if (delta && a.PostId) votes.set(a.PostId, (votes.get(a.PostId) ?? 0) + delta);
    }
  });
  const scores = [...votes].flatMap(([id, score]) => (s.posts.has(id) ? [{ postId: s.posts.get(id)!.postId, score }] : []));
  for (let i = 0; i < scores.length; i += 500) await setScores(db, workspaceId, scores.slice(i, i + 500));
  bump(s, 'postsWithVotes', scores.length);
  const badges = await loadExternalIds(db, key, 'badge');
  await stream('Badges', (rows) => importBadgeRows(db, s, rows, badges));
  // Threads list by their latest post: the dates are the site's, not the import's.
  await db.execute(
    sql`update ${communityThreads} t set last_posted_at = greatest(t.created_at, (select max(p.created_at) from community_posts p where p.thread_id = t.id and p.deleted_at is null)) where t.workspace_id = ${workspaceId} and t.space_id = ${s.space.id}`,
  );
  const seconds = (Date.now() - started) / 1000;
  return { site: key.site, spaceId: s.space.id, rowsRead, seconds, rowsPerSecond: Math.round(rowsRead / Math.max(seconds, 0.001)), counts: s.counts };
}

/** One Q&A space per site, found again by its external id on later runs. */
async function findOrCreateSpace(db: Db, key: SiteKey) {
  const known = (await loadExternalIds(db, key, 'space')).get(key.site);
  if (known) {
    const [row] = await db.select().from(communitySpaces).where(and(eq(communitySpaces.workspaceId, key.workspaceId), eq(communitySpaces.id, known)));
    if (row) return row;
  }
  const base = key.site.replace(/\.stackexchange\.com$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'imported';
  return db.transaction(async (tx) => {
    const taken = new Set((await tx.select({ slug: communitySpaces.slug }).from(communitySpaces).where(eq(communitySpaces.workspaceId, key.workspaceId))).map((r) => r.slug));
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const [space] = await tx
      .insert(communitySpaces)
      .values({ workspaceId: key.workspaceId, name: key.site.slice(0, 80), slug, kind: 'qa', description: `Imported from the Stack Exchange dump of ${key.site} (CC BY-SA; authors and links kept).`, defaultLanguage: 'en' })
      .returning();
    await recordExternalIds(tx, key, 'space', [{ externalId: key.site, localId: space!.id }]);
    return space!;
  });
}

async function markAcceptedAnswers(db: Db, s: ImportState) {
  for (const [questionId, answerId] of s.accepted) {
    const q = s.posts.get(questionId);
    const a = s.posts.get(answerId);
    if (!q || !a || a.threadId !== q.threadId) continue;
    const changed = await db
      .update(communityThreads)
      .set({ acceptedPostId: a.postId })
      .where(and(eq(communityThreads.workspaceId, s.key.workspaceId), eq(communityThreads.id, q.threadId), sql`${communityThreads.acceptedPostId} is distinct from ${a.postId}`))
      .returning({ id: communityThreads.id });
    bump(s, 'acceptedAnswers', changed.length);
  }
}

import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { MediaKind, MediaPage } from '../../../../shared/contracts/media';
import type { Db } from '../../../db/client';
import { mediaAssets } from '../../../db/schema';
import { presentAsset } from '../presenters';
import { channelRules, checksFor } from './channelRules';

export interface ListMediaOptions {
  db: Db;
  workspaceId: string;
  kind?: MediaKind;
  q?: string;
  page: number;
  pageSize: number;
}

/** The library, newest first, optionally one kind and a search in names and alt texts. */
export async function listMedia({ db, workspaceId, kind, q, page, pageSize }: ListMediaOptions): Promise<MediaPage> {
  const where: SQL[] = [eq(mediaAssets.workspaceId, workspaceId)];
  if (kind) where.push(eq(mediaAssets.kind, kind));
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(mediaAssets.originalName, like), ilike(mediaAssets.altText, like))!);
  }
  const filter = and(...where);
  const [rows, [total], rules] = await Promise.all([
    db.select().from(mediaAssets).where(filter).orderBy(desc(mediaAssets.createdAt), desc(mediaAssets.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ n: count() }).from(mediaAssets).where(filter),
    channelRules(db, workspaceId),
  ]);
  return { assets: rows.map((r) => presentAsset(r, checksFor(r, rules))), total: total?.n ?? 0, page, pageSize };
}

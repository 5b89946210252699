import { and, eq, inArray } from 'drizzle-orm';
import type { MediaAsset } from '../../../../shared/contracts/media';
import type { Db } from '../../../db/client';
import { mediaAssets } from '../../../db/schema';
import { AppError, notFound } from '../../../errors';
import { presentAsset, type AssetRow } from '../presenters';
import { channelRules, checksFor } from './channelRules';

/** The row of one asset of the workspace, or NOT_FOUND (also for another workspace's asset). */
export async function loadAsset(db: Db, workspaceId: string, assetId: string): Promise<AssetRow> {
  const [row] = await db.select().from(mediaAssets).where(and(eq(mediaAssets.workspaceId, workspaceId), eq(mediaAssets.id, assetId)));
  if (!row) throw notFound('That media file');
  return row;
}

export async function getMedia(db: Db, workspaceId: string, assetId: string): Promise<MediaAsset> {
  const row = await loadAsset(db, workspaceId, assetId);
  return presentAsset(row, checksFor(row, await channelRules(db, workspaceId)));
}

/** Rows of several assets of the workspace, in the order asked; any missing id is NOT_FOUND. */
export async function loadAssets(db: Db, workspaceId: string, assetIds: string[]): Promise<AssetRow[]> {
  const ids = [...new Set(assetIds)];
  if (ids.length === 0) return [];
  const rows = await db.select().from(mediaAssets).where(and(eq(mediaAssets.workspaceId, workspaceId), inArray(mediaAssets.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw new AppError('NOT_FOUND', `${missing.length === 1 ? 'A media file' : `${missing.length} media files`} of this post no longer exist${missing.length === 1 ? 's' : ''} in the library. Remove ${missing.length === 1 ? 'it' : 'them'} from the post or upload again.`, { missing });
  return assetIds.map((id) => byId.get(id)!);
}

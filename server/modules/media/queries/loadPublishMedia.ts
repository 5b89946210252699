import type { MediaInput } from '../../../../connectors/types';
import type { Db } from '../../../db/client';
import type { Storage } from '../../../storage';
import type { CheckableAsset } from '../checks';
import { loadAssets } from './getMedia';

/**
 * The bytes and descriptions the connectors publish, in the order of `assetIds` (the order of
 * the post's media). Every id must be an asset of the workspace (NOT_FOUND otherwise, with
 * `details.missing`). The bytes are read whole: connectors upload them as one blob.
 */
export async function loadPublishMedia(db: Db, storage: Storage, workspaceId: string, assetIds: string[]): Promise<MediaInput[]> {
  const rows = await loadAssets(db, workspaceId, assetIds);
  const out: MediaInput[] = [];
  for (const row of rows) {
    const chunks: Buffer[] = [];
    for await (const chunk of await storage.get(row.storageKey)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    out.push({ bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), mimeType: row.mimeType, altText: row.altText, width: row.width ?? undefined, height: row.height ?? undefined });
  }
  return out;
}

/** What the per-network checks need, without the bytes: for checking a post's media when it is scheduled. */
export async function loadMediaForChecks(db: Db, workspaceId: string, assetIds: string[]): Promise<(CheckableAsset & { id: string; originalName: string })[]> {
  return (await loadAssets(db, workspaceId, assetIds)).map((r) => ({ id: r.id, originalName: r.originalName, kind: r.kind, mimeType: r.mimeType, byteSize: r.byteSize, width: r.width, height: r.height, durationMs: r.durationMs, altText: r.altText }));
}

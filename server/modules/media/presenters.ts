import type { MediaAsset, MediaChannelCheck } from '../../../shared/contracts/media';
import type { mediaAssets } from '../../db/schema';

export type AssetRow = typeof mediaAssets.$inferSelect;

const base = (row: Pick<AssetRow, 'workspaceId' | 'id'>) => `/api/workspaces/${row.workspaceId}/media/${row.id}`;

/** An asset as the API shows it; the storage keys stay on the server. */
export function presentAsset(row: AssetRow, checks: MediaChannelCheck[]): MediaAsset {
  return {
    id: row.id,
    kind: row.kind,
    mimeType: row.mimeType,
    byteSize: row.byteSize,
    width: row.width,
    height: row.height,
    durationMs: row.durationMs,
    sha256: row.sha256,
    originalName: row.originalName,
    altText: row.altText,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
    fileUrl: `${base(row)}/file`,
    thumbnailUrl: row.thumbnailKey ? `${base(row)}/thumbnail` : null,
    checks,
  };
}

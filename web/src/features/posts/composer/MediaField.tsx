import { useQueries } from '@tanstack/react-query';
import { get } from '../../../api/client';
import type { MediaAsset } from '../../../../../shared/contracts/media';
import { MediaPicker } from '../../media';
import type { Draft, PartDraft } from './draft';

/** The media of a post or of one part: chosen from (or uploaded to) the library. */
export function MediaField({ value, onChange, readOnly, max }: { value: PartDraft['media']; onChange: (m: PartDraft['media']) => void; readOnly: boolean; max?: number }) {
  // A post that can no longer change shows its media in the previews only.
  if (readOnly) return null;
  return <MediaPicker value={value} onChange={onChange} max={max} />;
}

/** Alt text and thumbnails of every asset the draft uses, for warnings and previews. */
export function useAssetInfo(wid: string, draft: Draft) {
  const ids = [...new Set([...draft.media, ...Object.values(draft.variants).flatMap((v) => v.parts.flatMap((p) => p.media))].map((m) => m.assetId))];
  const results = useQueries({
    queries: ids.map((id) => ({ queryKey: ['workspaces', wid, 'media', id], queryFn: () => get<MediaAsset>(`/api/workspaces/${wid}/media/${id}`), staleTime: 30_000 })),
  });
  const byId = new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : [])));
  return {
    altTextOf: (id: string) => byId.get(id)?.altText,
    thumbUrl: (id: string) => byId.get(id)?.thumbnailUrl ?? byId.get(id)?.fileUrl ?? '',
  };
}

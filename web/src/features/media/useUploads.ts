import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { mediaKey, uploadMedia, type MediaAsset } from './api';

export interface UploadItem {
  key: string;
  name: string;
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  error?: unknown;
}

/** Uploads files one after the other, tracking each one's progress and outcome. */
export function useUploads(wid: string, onUploaded?: (asset: MediaAsset) => void) {
  const qc = useQueryClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const update = (key: string, patch: Partial<UploadItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const upload = useCallback(
    async (files: File[]) => {
      const queued = files.map((f, n) => ({ file: f, key: `${Date.now()}-${n}-${f.name}` }));
      setItems((list) => [...queued.map(({ file, key }) => ({ key, name: file.name, progress: 0, state: 'uploading' as const })), ...list.filter((i) => i.state !== 'done')]);
      for (const { file, key } of queued) {
        try {
          const asset = await uploadMedia(wid, file, (p) => update(key, { progress: p }));
          update(key, { state: 'done', progress: 1 });
          onUploaded?.(asset);
        } catch (error) {
          update(key, { state: 'failed', error });
        }
      }
      await qc.invalidateQueries({ queryKey: mediaKey(wid) });
    },
    [wid, qc, onUploaded],
  );

  const dismiss = (key: string) => setItems((list) => list.filter((i) => i.key !== key));
  return { items, upload, dismiss, busy: items.some((i) => i.state === 'uploading') };
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, del, get, isApiError, patch, qs } from '../../api/client';
import type { MediaAsset, MediaKind, MediaPage, MediaRefusal } from '../../../../shared/contracts/media';

export type { MediaAsset, MediaKind, MediaPage, MediaProblem } from '../../../../shared/contracts/media';
export { ALT_TEXT_MAX, MEDIA_ACCEPT, MEDIA_KINDS } from '../../../../shared/contracts/media';

export const mediaKey = (wid: string) => ['workspaces', wid, 'media'];

export interface MediaFilter {
  kind: MediaKind | null;
  q: string;
  page: number;
  pageSize: number;
}

export function useMediaPage(wid: string, f: MediaFilter) {
  return useQuery({
    queryKey: [...mediaKey(wid), f],
    queryFn: () => get<MediaPage>(`/api/workspaces/${wid}/media${qs({ kind: f.kind, q: f.q.trim() || undefined, page: f.page, pageSize: f.pageSize })}`),
    placeholderData: keepPreviousData,
  });
}

/** Several assets by id (the picker's chosen items), from the cache when they are there. */
export function useMediaAssets(wid: string, ids: string[]) {
  return useQuery({
    queryKey: [...mediaKey(wid), 'byIds', ids],
    queryFn: () => Promise.all(ids.map((id) => get<MediaAsset>(`/api/workspaces/${wid}/media/${id}`).catch(() => null))),
    enabled: ids.length > 0,
  });
}

export function useUpdateAltText(wid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, altText }: { id: string; altText: string }) => patch<MediaAsset>(`/api/workspaces/${wid}/media/${id}`, { altText }),
    onSuccess: () => qc.invalidateQueries({ queryKey: mediaKey(wid) }),
  });
}

export const deleteAsset = (wid: string, id: string) => del<{ ok: true }>(`/api/workspaces/${wid}/media/${id}`);

/** Why the server refused an upload or a delete (`details.reason`), when it said. */
export function refusalOf(error: unknown): MediaRefusal | null {
  if (!isApiError(error)) return null;
  const d = error.details as { reason?: unknown } | null | undefined;
  return typeof d?.reason === 'string' ? (d.reason as MediaRefusal) : null;
}

let csrf: string | null = null;
async function csrfToken(): Promise<string> {
  csrf ??= (await get<{ csrfToken: string }>('/api/me')).csrfToken;
  return csrf;
}

/**
 * Uploads one file as multipart with progress (fetch cannot report upload progress; XHR can).
 * Rejects with the same ApiError the rest of the app handles.
 */
export async function uploadMedia(wid: string, file: File, onProgress: (fraction: number) => void, altText?: string): Promise<MediaAsset> {
  const send = async (): Promise<{ status: number; body: unknown }> => {
    const token = await csrfToken();
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/workspaces/${wid}/media`);
      xhr.setRequestHeader('x-csrf-token', token);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', 'upload failed'));
      xhr.onload = () => {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // not JSON (a proxy's error page)
        }
        resolve({ status: xhr.status, body });
      };
      const form = new FormData();
      if (altText) form.append('altText', altText);
      form.append('file', file, file.name);
      xhr.send(form);
    });
  };
  let res = await send();
  if (res.status === 403 && errorOf(res.body)?.code === 'CSRF_FAILED') {
    csrf = null;
    res = await send();
  }
  if (res.status >= 200 && res.status < 300) return res.body as MediaAsset;
  const err = errorOf(res.body);
  throw new ApiError(res.status, (err?.code as ApiError['code'] | undefined) ?? (res.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UNKNOWN'), err?.message ?? '', err?.details);
}

function errorOf(body: unknown): { code: string; message: string; details?: unknown } | null {
  const e = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return e && typeof e.code === 'string' ? { code: e.code, message: typeof e.message === 'string' ? e.message : '', details: e.details } : null;
}

/** Problems across the channels, for a short warning on a card. */
export function problemCount(asset: MediaAsset): number {
  return asset.checks.reduce((n, c) => n + c.problems.length, 0);
}
export const missingAltText = (asset: MediaAsset) => asset.altText.trim() === '';
export type { MediaRefusal };

import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, isApiError, qs } from '../../api/client';
import type * as P from '../../../../shared/contracts/publishing';
import type { ErrorOverrides } from '../../ui/errors';

export type Channel = z.infer<typeof P.Channel>;
export type Post = z.infer<typeof P.Post>;
export type PostStatus = Post['status'];
export type Attempt = z.infer<typeof P.Attempt>;
export type PublishingSettings = z.infer<typeof P.PublishingSettings>;
export { POST_STATUSES } from '../../../../shared/contracts/publishing';

export const channelsKey = (wid: string) => ['workspaces', wid, 'channels'];
export const postsKey = (wid: string) => ['workspaces', wid, 'posts'];
export const postKey = (wid: string, id: string) => ['workspaces', wid, 'posts', id];

export function useChannels(wid: string) {
  return useQuery({
    queryKey: channelsKey(wid),
    queryFn: () => get<{ channels: Channel[] }>(`/api/workspaces/${wid}/channels`).then((r) => r.channels),
  });
}

export function usePosts(wid: string, status: PostStatus | null) {
  return useQuery({
    queryKey: [...postsKey(wid), { status }],
    queryFn: () => get<{ posts: Post[] }>(`/api/workspaces/${wid}/posts${qs({ status })}`).then((r) => r.posts),
  });
}

export function usePost(wid: string, id: string | undefined) {
  return useQuery({
    queryKey: postKey(wid, id ?? 'new'),
    queryFn: () => get<Post>(`/api/workspaces/${wid}/posts/${id}`),
    enabled: id !== undefined,
    // follow a post that is going out (or about to) until the publisher is done with it
    refetchInterval: (q) => followEvery(q.state.data),
  });
}

/**
 * How often an open post is re-read: every 2 s while it is publishing or due within the minute; a
 * scheduled post further out is looked at again shortly before its last minute (at most every 30 s),
 * so a composer left open sees it go out without a reload.
 */
function followEvery(p: Post | undefined): number | false {
  if (!p) return false;
  if (p.status === 'publishing') return 2000;
  if (p.status !== 'scheduled' || p.scheduledAt === null) return false;
  const dueIn = new Date(p.scheduledAt).getTime() - Date.now();
  return Math.min(30_000, Math.max(2000, dueIn - 55_000));
}

/** `stamp` (the post's status and update time) refreshes the log when the post moves on. */
export function useAttempts(wid: string, id: string, stamp: string) {
  return useQuery({
    queryKey: [...postKey(wid, id), 'attempts', stamp],
    queryFn: () => get<{ attempts: Attempt[] }>(`/api/workspaces/${wid}/posts/${id}/attempts`).then((r) => r.attempts),
  });
}

export function usePublishingSettings(wid: string) {
  return useQuery({
    queryKey: ['workspaces', wid, 'publishing', 'settings'],
    queryFn: () => get<PublishingSettings>(`/api/workspaces/${wid}/publishing/settings`),
  });
}

/**
 * The server's own message for a refused request (it names the network, the channel and the rule),
 * shown instead of the generic text for that code.
 */
export function serverMessage(error: unknown): ErrorOverrides | undefined {
  if (!isApiError(error) || !error.message) return undefined;
  if (!['VALIDATION_FAILED', 'CONFLICT', 'BAD_REQUEST', 'FORBIDDEN'].includes(error.code)) return undefined;
  return { [error.code]: error.message };
}

export type Network = z.infer<typeof P.Network>;
export type Revision = z.infer<typeof P.Revision>;

export function useNetworks() {
  return useQuery({
    queryKey: ['networks'],
    queryFn: () => get<{ networks: Network[] }>('/api/networks').then((r) => r.networks),
    staleTime: Infinity,
  });
}

export function useRevisions(wid: string, id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...postKey(wid, id ?? 'new'), 'revisions'],
    queryFn: () => get<{ revisions: Revision[] }>(`/api/workspaces/${wid}/posts/${id}/revisions`).then((r) => r.revisions),
    enabled: enabled && id !== undefined,
  });
}

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, post, qs } from '../../api/client';
import type * as C from '../../../../shared/contracts/collaboration';

export type Notification = z.infer<typeof C.Notification>;
type Page = z.infer<typeof C.NotificationPage>;

export const notificationsKey = (wid: string) => ['workspaces', wid, 'notifications'];

/** My notifications, newest first, 20 a page ("show older" loads the next), polled every 30 s. */
export function useNotifications(wid: string) {
  return useInfiniteQuery({
    queryKey: notificationsKey(wid),
    queryFn: ({ pageParam }) => get<Page>(`/api/workspaces/${wid}/notifications${qs({ limit: 20, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 30_000,
  });
}

/** Marks the named notifications read, or all of them when `ids` is omitted. */
export function useMarkRead(wid: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => post<{ unreadCount: number }>(`/api/workspaces/${wid}/notifications/read`, ids ? { ids } : { all: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey(wid) }),
  });
}

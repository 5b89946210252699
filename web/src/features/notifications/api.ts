import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, post } from '../../api/client';
import type * as C from '../../../../shared/contracts/collaboration';

export type Notification = z.infer<typeof C.Notification>;
type Page = z.infer<typeof C.NotificationPage>;

export const notificationsKey = (wid: string) => ['workspaces', wid, 'notifications'];

/** My latest notifications and the unread count, polled every 30 s while the app is open. */
export function useNotifications(wid: string) {
  return useQuery({
    queryKey: notificationsKey(wid),
    queryFn: () => get<Page>(`/api/workspaces/${wid}/notifications?limit=20`),
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

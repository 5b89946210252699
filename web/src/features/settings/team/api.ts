import { useQuery } from '@tanstack/react-query';
import { get } from '../../../api/client';
import type { Invitation, Member } from '../../../api/types';

export const membersKey = (wid: string) => ['workspaces', wid, 'members'];
export const invitationsKey = (wid: string) => ['workspaces', wid, 'invitations'];

export function useMembers(wid: string) {
  return useQuery({
    queryKey: membersKey(wid),
    queryFn: () => get<{ members: Member[] }>(`/api/workspaces/${wid}/members`).then((r) => r.members),
  });
}

export function useInvitations(wid: string, enabled: boolean) {
  return useQuery({
    queryKey: invitationsKey(wid),
    queryFn: () => get<{ invitations: Invitation[] }>(`/api/workspaces/${wid}/invitations`).then((r) => r.invitations),
    enabled,
  });
}

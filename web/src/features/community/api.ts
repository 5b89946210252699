import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, isApiError, qs } from '../../api/client';
import type * as C from '../../../../shared/contracts/community';

export type Community = z.infer<typeof C.Community>;
export type Space = z.infer<typeof C.Space>;
export type SpaceInput = z.infer<typeof C.CreateSpaceBody>;
export type ThreadSummary = z.infer<typeof C.ThreadSummary>;
export type Thread = z.infer<typeof C.Thread>;
export type Post = z.infer<typeof C.Post>;
export type Author = Post['author'];
export type MemberProfile = z.infer<typeof C.PublicProfile>;
export type PendingPost = z.infer<typeof C.PendingPosts>['posts'][number];

export const communityKey = (wid: string) => ['workspaces', wid, 'community'];
export const communityPath = (wid: string, rest = '') => `/api/workspaces/${wid}/community${rest}`;
/** The member-facing community page (served by the public pages). */
export const publicCommunityUrl = (wid: string) => `/c/${wid}`;

/** The community's settings; `null` while it has not been set up (the API answers 404 then). */
export function useCommunity(wid: string) {
  return useQuery({
    queryKey: communityKey(wid),
    queryFn: () =>
      get<Community>(communityPath(wid)).catch((e: unknown) => {
        if (isApiError(e) && e.code === 'NOT_FOUND') return null;
        throw e;
      }),
  });
}

export function useSpaces(wid: string) {
  return useQuery({
    queryKey: [...communityKey(wid), 'spaces'],
    queryFn: () => get<{ spaces: Space[] }>(communityPath(wid, '/spaces')).then((r) => r.spaces),
  });
}

export function useSpace(wid: string, spaceId: string) {
  return useQuery({
    queryKey: [...communityKey(wid), 'spaces', spaceId],
    queryFn: () => get<{ space: Space; threads: ThreadSummary[] }>(communityPath(wid, `/spaces/${spaceId}`)),
  });
}

export function useSpaceInvites(wid: string, spaceId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...communityKey(wid), 'spaces', spaceId, 'invites'],
    queryFn: () => get<{ members: MemberProfile[] }>(communityPath(wid, `/spaces/${spaceId}/invites`)).then((r) => r.members),
    enabled,
  });
}

export function useThread(wid: string, threadId: string) {
  return useQuery({
    queryKey: [...communityKey(wid), 'threads', threadId],
    queryFn: () => get<Thread>(communityPath(wid, `/threads/${threadId}`)),
  });
}

export function useCommunityMembers(wid: string, q: string) {
  return useQuery({
    queryKey: [...communityKey(wid), 'members', q],
    queryFn: () => get<{ members: MemberProfile[] }>(communityPath(wid, `/members${qs({ q })}`)).then((r) => r.members),
    placeholderData: (prev) => prev,
  });
}

export function usePendingPosts(wid: string, enabled: boolean) {
  return useQuery({
    queryKey: [...communityKey(wid), 'pending'],
    queryFn: () => get<{ posts: PendingPost[] }>(communityPath(wid, '/pending')).then((r) => r.posts),
    enabled,
  });
}

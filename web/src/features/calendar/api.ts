import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get, patch, post, qs } from '../../api/client';
import type { Workspace } from '../../api/types';
import type * as C from '../../../../shared/contracts/campaigns';
import { postsKey, type Post, type PostStatus } from '../posts/api';

export type Campaign = z.infer<typeof C.Campaign>;
export { COLOR_NAMES } from '../../../../shared/contracts/campaigns';

export const campaignsKey = (wid: string) => ['workspaces', wid, 'campaigns'];

export function useCampaigns(wid: string) {
  return useQuery({
    queryKey: campaignsKey(wid),
    queryFn: () => get<{ campaigns: Campaign[] }>(`/api/workspaces/${wid}/campaigns`).then((r) => r.campaigns),
  });
}

/** Same key as Settings → Workspace, so both share one cached copy. */
export function useWorkspaceDetail(wid: string) {
  return useQuery({ queryKey: ['workspaces', wid, 'detail'], queryFn: () => get<Workspace>(`/api/workspaces/${wid}`) });
}

export interface CalendarFilters {
  channelId: string | null;
  campaignId: string | null;
  status: PostStatus | null;
  authorId: string | null;
}

export interface VisibleRange {
  from: string;
  to: string;
}

const PAGE = 500;
/** A month rarely holds more; past this the calendar says it shows only part. */
const MAX_PAGES = 10;

/** Posts planned in the visible range, filtered on the server; follows the `before` cursor page by page. */
export async function fetchRange(wid: string, range: VisibleRange, f: CalendarFilters): Promise<{ posts: Post[]; truncated: boolean }> {
  const all: Post[] = [];
  let before: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const { posts } = await get<{ posts: Post[] }>(
      `/api/workspaces/${wid}/posts${qs({ from: range.from, to: range.to, channelId: f.channelId, campaignId: f.campaignId, status: f.status, authorId: f.authorId, limit: PAGE, before })}`,
    );
    all.push(...posts);
    if (posts.length < PAGE) return { posts: all, truncated: false };
    before = posts.at(-1)!.id;
  }
  return { posts: all, truncated: true };
}

export function useCalendarPosts(wid: string, range: VisibleRange | null, filters: CalendarFilters) {
  return useQuery({
    queryKey: [...postsKey(wid), 'calendar', range, filters],
    queryFn: () => fetchRange(wid, range!, filters),
    enabled: range !== null,
    placeholderData: keepPreviousData,
  });
}

/**
 * Move a post to another instant: a post on its way out (scheduled, approved) is rescheduled, one
 * still being written (draft, in review) only gets a new planned time.
 */
export function movePost(wid: string, p: Post, scheduledAt: string): Promise<Post> {
  if (p.status === 'scheduled' || p.status === 'approved') return post<Post>(`/api/workspaces/${wid}/posts/${p.id}/schedule`, { scheduledAt });
  return patch<Post>(`/api/workspaces/${wid}/posts/${p.id}`, { scheduledAt, version: p.version });
}

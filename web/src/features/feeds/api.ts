import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { get } from '../../api/client';
import type * as F from '../../../../shared/contracts/feeds';

export type Feed = z.infer<typeof F.Feed>;
export type FetchFeedResult = z.infer<typeof F.FetchFeedResult>;

export const feedsKey = (wid: string) => ['workspaces', wid, 'feeds'];
export const feedsPath = (wid: string, rest = '') => `/api/workspaces/${wid}/feeds${rest}`;

export function useFeeds(wid: string) {
  return useQuery({
    queryKey: feedsKey(wid),
    queryFn: () => get<{ feeds: Feed[] }>(feedsPath(wid)).then((r) => r.feeds),
  });
}

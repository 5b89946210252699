import type { Db } from '../../../db/client';
import { notFound } from '../../../errors';
import { MemberSearchQuery, SearchResults, SpaceList } from '../../../../shared/contracts/community';
import type { ForumPage } from '../../../../web/src/forum/pageData';
import type { Viewer } from '../policies';
import { listSpaces } from './listSpaces';
import { searchCommunity } from './searchCommunity';

export interface SearchPageRoute {
  q: string;
  space: string | null;
  page: number;
}

const PAGE_SIZE = 20;

/**
 * The search page: the same query and contract as `GET /api/communities/:id/search`. Words the API
 * would refuse (too short, too long) are told on the page rather than searched.
 */
export async function loadSearchPage(db: Db, viewer: Viewer, route: SearchPageRoute): Promise<Extract<ForumPage, { kind: 'search' }>> {
  const spaces = SpaceList.parse(await listSpaces(db, viewer)).spaces.map((s) => ({ slug: s.slug, name: s.name }));
  const base = { kind: 'search' as const, q: route.q, space: route.space, spaces };
  const words = route.q.trim();
  if (!words) return { ...base, results: null, problem: null };
  if (words.length < 2 || words.length > 200) return { ...base, results: null, problem: words.length < 2 ? 'tooShort' : 'tooLong' };
  const parsed = MemberSearchQuery.safeParse({ q: words, space: route.space ?? undefined, page: Math.min(Math.max(route.page, 1), 100), pageSize: PAGE_SIZE });
  // Only a space name no space can have is left to fail here: the same answer as a space that does not exist.
  if (!parsed.success) throw notFound('That space');
  const { q, space, page, pageSize } = parsed.data;
  const results = SearchResults.parse(await searchCommunity({ db, viewer, q, space: space ? { slug: space } : undefined, page, pageSize }));
  return { ...base, results, problem: null };
}

import type { Db } from '../../../db/client';
import { AppError } from '../../../errors';
import { MemberProfilePage, SpaceList, SpaceWithThreads, Thread } from '../../../../shared/contracts/community';
import { CommunityEvent } from '../../../../shared/contracts/communityEvents';
import { Poll } from '../../../../shared/contracts/communityPolls';
import type { ForumPage } from '../../../../web/src/forum/pageData';
import type { Viewer } from '../policies';
import { getEvent } from './getEvent';
import { getPoll } from './getPoll';
import { getPublicProfile } from './getPublicProfile';
import { getSpaceWithThreads } from './getSpaceWithThreads';
import { getThread } from './getThread';
import { listSpaces } from './listSpaces';
import { loadBlockedIds } from './loadBlocks';
import { loadNotificationsPage } from './loadNotificationsPage';
import { loadSearchPage, type SearchPageRoute } from './loadSearchPage';

export type ForumRoute = { kind: 'home' } | { kind: 'space'; slug: string } | { kind: 'thread'; threadId: string } | { kind: 'profile'; memberId: string } | { kind: 'join' } | { kind: 'signin' } | { kind: 'guidelines' } | { kind: 'forgot' } | { kind: 'reset' } | { kind: 'magic' } | { kind: 'settings' } | ({ kind: 'search' } & SearchPageRoute) | { kind: 'notifications'; cursor: string | null };

/** What a forum page shows this viewer, shaped by the API contracts (so the page holds exactly what the API would). */
export async function loadForumPage(db: Db, viewer: Viewer, route: ForumRoute): Promise<ForumPage> {
  try {
    switch (route.kind) {
      case 'home':
        return { kind: 'home', spaces: SpaceList.parse(await listSpaces(db, viewer)).spaces };
      case 'space':
        return { kind: 'space', ...SpaceWithThreads.parse(await getSpaceWithThreads(db, viewer, { slug: route.slug })) };
      case 'thread': {
        const thread = Thread.parse(await getThread(db, viewer, route.threadId));
        const [poll, event] = await Promise.all([orNull(getPoll(db, viewer, thread.id)), orNull(getEvent(db, viewer, thread.id))]);
        return { kind: 'thread', thread, poll: poll && Poll.parse(poll), event: event && CommunityEvent.parse(event) };
      }
      case 'profile': {
        const profile = MemberProfilePage.parse(await getPublicProfile(db, viewer.workspaceId, route.memberId));
        return { kind: 'profile', profile, blockedByMe: (await loadBlockedIds(db, viewer)).has(profile.id) };
      }
      case 'settings':
        return viewer.kind === 'member' ? { kind: 'settings' } : { kind: 'error', status: 401 };
      case 'search':
        return await loadSearchPage(db, viewer, route);
      case 'notifications':
        return await loadNotificationsPage(db, viewer, route.cursor);
      default:
        return { kind: route.kind };
    }
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return { kind: 'error', status: 404 };
    if (err instanceof AppError && err.code === 'UNAUTHENTICATED') return { kind: 'error', status: 401 };
    throw err;
  }
}

async function orNull<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

import type { Db } from '../../../db/client';
import { unauthenticated } from '../../../errors';
import { CommunityNotificationPage } from '../../../../shared/contracts/communityNotifications';
import type { ForumPage } from '../../../../web/src/forum/pageData';
import type { Viewer } from '../policies';
import { listMemberNotifications } from './listMemberNotifications';

const PAGE_SIZE = 20;

/** The member's notifications page: the `GET /notifications` answer, one page from `cursor` on. */
export async function loadNotificationsPage(db: Db, viewer: Viewer, cursor: string | null): Promise<Extract<ForumPage, { kind: 'notifications' }>> {
  if (viewer.kind !== 'member') throw unauthenticated('Sign in to the community to read your notifications.');
  const page = CommunityNotificationPage.parse(await listMemberNotifications(db, viewer, { limit: PAGE_SIZE, cursor: cursor ?? undefined }));
  return { kind: 'notifications', ...page, cursor };
}

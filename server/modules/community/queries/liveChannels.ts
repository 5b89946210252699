import type { Db } from '../../../db/client';
import { unauthenticated } from '../../../errors';
import { memberChannel, threadChannel } from '../liveEvents';
import type { Viewer } from '../policies';
import { findReadableThread } from './getThread';

/**
 * What a live stream may carry: the thread's events when the viewer may read the thread (the same
 * check as GET /threads/:id, so "sign in" or "not found" alike), and a member's own notifications.
 */
export async function liveChannels(db: Db, viewer: Viewer, threadId?: string): Promise<string[]> {
  const channels: string[] = [];
  if (threadId) {
    const { thread } = await findReadableThread(db, viewer, threadId);
    channels.push(threadChannel(thread.id));
  }
  if (viewer.kind === 'member') channels.push(memberChannel(viewer.member.id));
  if (channels.length === 0) throw unauthenticated('Sign in to the community to receive your notifications live, or name a thread to follow.');
  return channels;
}

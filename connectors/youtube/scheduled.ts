import type { youtube_v3 } from '@googleapis/youtube';
import { PublishError, type ConnectorContext, type RemoteRef, type ScheduledOutcome } from '../types';
import { watchUrl } from './api';
import { withYoutube } from './client';

const isScheduledRef = (ref: RemoteRef) => ref.meta?.scheduled === 'true';

/** The video's status (videos.list part=status, 1 quota unit), or null when YouTube has no such video. */
async function statusOf(yt: youtube_v3.Youtube, id: string): Promise<youtube_v3.Schema$VideoStatus | null> {
  const { data } = await yt.videos.list({ part: ['status'], id: [id] });
  const video = data.items?.find((v) => v.id === id);
  return video ? (video.status ?? {}) : null;
}

/** uploadStatus failed or rejected: YouTube will never show the video, and says why. */
function refusal(s: youtube_v3.Schema$VideoStatus): string | null {
  if (s.uploadStatus === 'rejected') return `YouTube rejected the video (${s.rejectionReason ?? 'no reason given'})`;
  if (s.uploadStatus === 'failed') return `YouTube could not process the video (${s.failureReason ?? 'no reason given'})`;
  return null;
}

/**
 * After its time, what became of a video uploaded ahead (videos.list?part=status&id=):
 * - gone: deleted on YouTube (or never kept) — `failed`, the author is told;
 * - upload rejected or failed — `failed` with YouTube's reason;
 * - no longer private — published (YouTube made it public at publishAt, or someone changed it);
 * - private with publishAt — still held (YouTube's switch can lag a few minutes);
 * - private, held by us for an unlisted or private post (`meta.privacy`): its time has come, so it is
 *   given that visibility now (videos.update part=status, the other writable fields sent back as read;
 *   setting it twice changes nothing) — published;
 * - private with neither (the schedule was removed on YouTube): `unknown`, for a person.
 * Nothing here uploads: a video is never posted twice.
 */
export async function confirmYoutubeScheduled(ctx: ConnectorContext, ref: RemoteRef): Promise<ScheduledOutcome> {
  if (!isScheduledRef(ref)) return { state: 'published', ref };
  const published: ScheduledOutcome = { state: 'published', ref: { id: ref.id, url: ref.url ?? watchUrl(ref.id) } };
  return withYoutube(ctx, async (yt) => {
    const s = await statusOf(yt, ref.id);
    if (!s) return { state: 'failed', reason: `video ${ref.id} is no longer on YouTube (deleted there before it went out)` };
    const refused = refusal(s);
    if (refused) return { state: 'failed', reason: refused };
    if (s.privacyStatus !== 'private') return published;
    if (s.publishAt) return { state: 'scheduled' };
    const wanted = ref.meta?.privacy;
    if (wanted === 'private') return published;
    if (wanted === 'unlisted') {
      const { privacyStatus: _p, publishAt: _a, uploadStatus: _u, failureReason: _f, rejectionReason: _r, madeForKids: _m, ...writable } = s;
      await yt.videos.update({ part: ['status'], requestBody: { id: ref.id, status: { ...writable, privacyStatus: 'unlisted' } } });
      return published;
    }
    return { state: 'unknown', reason: `YouTube holds video ${ref.id} private with no publish time (the schedule was removed on YouTube); check it in YouTube Studio.` };
  });
}

/**
 * Withdrawing (cancel, edit) a video uploaded ahead is videos.delete — the author's choice here: the
 * video has never been visible to anyone, and the post keeps its file, so it is uploaded again at its
 * time (one more upload against the daily quota). Once it is visible (public, unlisted) deleting would
 * take down a live video: refused with what to do. A video already gone is withdrawn.
 */
export async function withdrawYoutubeScheduled(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  await withYoutube(ctx, async (yt) => {
    const s = await statusOf(yt, ref.id);
    if (!s) return;
    if (s.privacyStatus !== 'private' && !refusal(s)) throw new PublishError('rejected', `video ${ref.id} is already ${s.privacyStatus} on YouTube; delete it in YouTube Studio if it should go`);
    await yt.videos.delete({ id: ref.id });
  });
}

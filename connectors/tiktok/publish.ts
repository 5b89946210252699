import { PublishError, type ConnectorContext, type MediaInput, type PublishInput, type RemoteRef } from '../types';
import { classifyCode } from './errors';
import { tiktokCall } from './http';
import { PRIVACY_LEVELS, TIKTOK_TITLE_MAX, tiktokCapabilities } from './manifest';
import { fetchStatus, type PublishStatus } from './status';
import { chunkPlan, putChunks } from './upload';

export interface PollOptions {
  /** Between two status checks (the status endpoint allows 30 per minute). */
  intervalMs: number;
  /** Checks before the connector returns the accepted post as still processing. */
  attempts: number;
}
export const DEFAULT_POLL: PollOptions = { intervalMs: 5_000, attempts: 24 };

interface CreatorInfo {
  creator_username?: string;
  privacy_level_options?: string[];
  comment_disabled?: boolean;
  duet_disabled?: boolean;
  stitch_disabled?: boolean;
  max_video_post_duration_sec?: number;
}
interface InitAnswer {
  publish_id: string;
  upload_url?: string;
}

function theVideo(media: MediaInput[]): MediaInput {
  const video = media.find((m) => m.mimeType.startsWith('video/'));
  if (!video) throw new PublishError('rejected', 'TikTok publishes videos: attach one video (a text alone cannot be posted)');
  if (media.length > 1) throw new PublishError('rejected', `TikTok takes one video per post (got ${media.length} files)`);
  if (!tiktokCapabilities.media.videoTypes.includes(video.mimeType)) throw new PublishError('rejected', `TikTok takes MP4, MOV or WebM videos, not ${video.mimeType}`);
  return video;
}

function sourceInfo(video: MediaInput, pull: boolean): Record<string, unknown> {
  if (pull && video.publicUrl) return { source: 'PULL_FROM_URL', video_url: video.publicUrl };
  const { chunkSize, count } = chunkPlan(video.bytes.byteLength);
  return { source: 'FILE_UPLOAD', video_size: video.bytes.byteLength, chunk_size: chunkSize, total_chunk_count: count };
}

/**
 * Direct post: creator_info first (TikTok requires it, and it says which privacy levels and
 * interactions this creator allows and the longest video), then video/init with post_info.
 */
async function initDirect(ctx: ConnectorContext, input: PublishInput, video: MediaInput, pull: boolean): Promise<InitAnswer> {
  const creator = await tiktokCall<CreatorInfo>(ctx, 'POST', '/v2/post/publish/creator_info/query/');
  const opts = input.options ?? {};
  const privacy = typeof opts.privacy === 'string' && PRIVACY_LEVELS.includes(opts.privacy) ? opts.privacy : 'PUBLIC_TO_EVERYONE';
  const allowed = creator.privacy_level_options ?? [];
  if (allowed.length > 0 && !allowed.includes(privacy)) {
    throw new PublishError('rejected', `this TikTok account can post as ${allowed.join(', ')}, not ${privacy} (apps TikTok has not audited may post SELF_ONLY only)`, { networkCode: 'privacy_level_option_mismatch' });
  }
  const max = creator.max_video_post_duration_sec;
  if (max && video.durationSeconds && video.durationSeconds > max) throw new PublishError('rejected', `the video lasts ${Math.round(video.durationSeconds)} s; this account may post up to ${max} s`);
  const post_info = {
    title: input.text,
    privacy_level: privacy,
    disable_comment: opts.allowComments !== true || creator.comment_disabled === true,
    disable_duet: opts.allowDuet !== true || creator.duet_disabled === true,
    disable_stitch: opts.allowStitch !== true || creator.stitch_disabled === true,
  };
  return tiktokCall<InitAnswer>(ctx, 'POST', '/v2/post/publish/video/init/', { post_info, source_info: sourceInfo(video, pull) });
}

/** Inbox upload: the video lands in the creator's TikTok inbox, to finish and post in the app. */
function initInbox(ctx: ConnectorContext, video: MediaInput, pull: boolean): Promise<InitAnswer> {
  return tiktokCall<InitAnswer>(ctx, 'POST', '/v2/post/publish/inbox/video/init/', { source_info: sourceInfo(video, pull) });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls until a final status. FAILED becomes a PublishError from its fail_reason; a post still
 * processing when the attempts run out is returned as it is: TikTok has it, and trying again would
 * post it twice.
 */
async function pollStatus(ctx: ConnectorContext, publishId: string, done: string, poll: PollOptions): Promise<PublishStatus> {
  let last: PublishStatus = { status: 'PROCESSING_UPLOAD' };
  for (let i = 0; i < poll.attempts; i++) {
    if (i > 0) await sleep(poll.intervalMs);
    last = await fetchStatus(ctx, publishId);
    if (last.status === 'FAILED') throw classifyCode(last.fail_reason ?? 'failed', 'TikTok could not publish the video', 0);
    if (last.status === done || last.status === 'PUBLISH_COMPLETE') return last;
  }
  return last;
}

export function postRef(publishId: string, status: PublishStatus, username?: string): RemoteRef {
  const postId = status.publicaly_available_post_id?.[0];
  const meta = { publishId, status: status.status };
  if (!postId) return { id: publishId, meta };
  return { id: postId, url: username ? `https://www.tiktok.com/@${encodeURIComponent(username)}/video/${postId}` : undefined, meta };
}

export async function publishTiktokVideo(ctx: ConnectorContext, input: PublishInput, poll: PollOptions = DEFAULT_POLL): Promise<RemoteRef> {
  if (input.replyTo) throw new PublishError('rejected', 'TikTok posts cannot be threads');
  const video = theVideo(input.media);
  if (input.text.length > TIKTOK_TITLE_MAX) throw new PublishError('rejected', `the caption is ${input.text.length} characters; TikTok allows ${TIKTOK_TITLE_MAX}`);
  const inbox = input.options?.mode === 'inbox';
  const init = (pull: boolean) => (inbox ? initInbox(ctx, video, pull) : initDirect(ctx, input, video, pull));
  let answer: InitAnswer;
  try {
    answer = await init(Boolean(video.publicUrl));
  } catch (err) {
    // PULL_FROM_URL needs the media domain verified in TikTok's developer portal; nothing was created, so send the bytes.
    if (!(err instanceof PublishError && err.opts.networkCode === 'url_ownership_unverified')) throw err;
    answer = await init(false);
  }
  if (answer.upload_url) await putChunks(ctx, answer.upload_url, video);
  const status = await pollStatus(ctx, answer.publish_id, inbox ? 'SEND_TO_USER_INBOX' : 'PUBLISH_COMPLETE', poll);
  return postRef(answer.publish_id, status, ctx.auth.username);
}

interface VideoList {
  videos?: { id: string; create_time?: number; share_url?: string }[];
}

const SKEW_S = 120;

/**
 * TikTok keeps no client key: the earliest of the account's 20 newest videos created since the
 * scheduled time (−2 min) is taken as the post. Inbox uploads are not videos until the creator posts
 * them, so they are not found (a repeat lands a second draft in the inbox, never a second post).
 */
export async function findTiktokVideo(ctx: ConnectorContext, _key: string, scheduledAt: Date): Promise<RemoteRef | null> {
  const list = await tiktokCall<VideoList>(ctx, 'POST', '/v2/video/list/?fields=id,create_time,share_url', { max_count: 20 });
  const since = scheduledAt.getTime() / 1000 - SKEW_S;
  const found = (list.videos ?? []).filter((v) => (v.create_time ?? 0) >= since).sort((a, b) => a.create_time! - b.create_time!)[0];
  return found ? { id: found.id, url: found.share_url } : null;
}

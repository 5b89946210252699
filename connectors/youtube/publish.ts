import type { youtube_v3 } from '@googleapis/youtube';
import { countGraphemes } from '../../shared/text';
import { PublishError, type ConnectorContext, type MediaInput, type PublishInput, type RemoteRef } from '../types';
import { watchUrl } from './api';
import { withYoutube } from './client';
import { YOUTUBE_DESCRIPTION_MAX_BYTES, YOUTUBE_TITLE_MAX, youtubeCapabilities } from './manifest';
import { withdrawYoutubeScheduled } from './scheduled';
import { resumableInsert } from './upload';

export { watchUrl } from './api';
/** A publish time closer than this is "now": YouTube wants publishAt in the future. */
const SCHEDULE_MARGIN_MS = 5 * 60_000;

/** The first non-empty line is the title; the rest is the description. */
export function splitTitle(text: string): { title: string; description: string } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { title: '', description: '' };
  return { title: lines[first]!.trim(), description: lines.slice(first + 1).join('\n').trim() };
}

function theVideo(media: MediaInput[]): MediaInput {
  const videos = media.filter((m) => m.mimeType.startsWith('video/'));
  if (videos.length === 0) throw new PublishError('rejected', 'YouTube publishes videos: attach one video (a text alone cannot be posted)');
  if (media.length > 1) throw new PublishError('rejected', `YouTube takes one video per post (got ${media.length} files)`);
  const v = videos[0]!;
  if (!youtubeCapabilities.media.videoTypes.includes(v.mimeType)) throw new PublishError('rejected', `YouTube does not take ${v.mimeType} videos`);
  return v;
}

/** The video resource: title and description from the text, visibility and publish time from the options. */
export function videoResource(input: PublishInput, now = Date.now()): youtube_v3.Schema$Video {
  const { title, description } = splitTitle(input.text);
  if (!title) throw new PublishError('rejected', 'a YouTube video needs a title: the first line of the text');
  if (countGraphemes(title) > YOUTUBE_TITLE_MAX) throw new PublishError('rejected', `the title (first line) is ${countGraphemes(title)} characters; YouTube allows ${YOUTUBE_TITLE_MAX}`);
  if (/[<>]/.test(title) || /[<>]/.test(description)) throw new PublishError('rejected', 'YouTube does not accept "<" or ">" in titles and descriptions');
  const bytes = Buffer.byteLength(description, 'utf8');
  if (bytes > YOUTUBE_DESCRIPTION_MAX_BYTES) throw new PublishError('rejected', `the description is ${bytes} bytes; YouTube allows ${YOUTUBE_DESCRIPTION_MAX_BYTES}`);
  const opts = input.options ?? {};
  const privacy = chosenPrivacy(input);
  const status: youtube_v3.Schema$VideoStatus = { privacyStatus: privacy, selfDeclaredMadeForKids: opts.madeForKids === true };
  if (isAhead(input, now)) {
    // Native scheduling: a public video due later is uploaded private with publishAt, and YouTube makes
    // it public then. publishAt always ends public, so an unlisted or private video called ahead of its
    // time (the publisher's handover) is uploaded private and held: its visibility is set once its time
    // has passed, by confirmScheduled (scheduled.ts).
    status.privacyStatus = 'private';
    if (privacy === 'public') status.publishAt = input.scheduledAt.toISOString();
  }
  return { snippet: { title, description }, status };
}

/** Called ahead of its time (the publisher's handover): YouTube holds the video until then. */
export const isAhead = (input: Pick<PublishInput, 'scheduledAt'>, now = Date.now()) => input.scheduledAt.getTime() - now > SCHEDULE_MARGIN_MS;

/** The visibility the author chose for the video once it is out (the `privacy` option). */
export function chosenPrivacy(input: Pick<PublishInput, 'options'>): 'public' | 'unlisted' | 'private' {
  const p = input.options?.privacy;
  return p === 'unlisted' || p === 'private' ? p : 'public';
}

/**
 * Uploads the video. One uploaded ahead of its time comes back marked `scheduled` (the publisher's
 * handover): with `publishAt` when YouTube will make it public by itself, with `privacy` when it is
 * held private until confirmScheduled gives it the chosen visibility.
 */
export async function publishYoutubeVideo(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  if (input.replyTo) throw new PublishError('rejected', 'YouTube videos cannot be threads');
  const media = theVideo(input.media);
  const now = Date.now();
  const resource = videoResource(input, now);
  const privacy = chosenPrivacy(input);
  return withYoutube(ctx, async (_yt, token) => {
    const video = await resumableInsert(ctx, token, resource, media);
    const ref: RemoteRef = { id: video.id!, url: watchUrl(video.id!) };
    const publishAt = video.status?.publishAt ?? resource.status?.publishAt;
    if (publishAt) ref.meta = { scheduled: 'true', publishAt };
    else if (isAhead(input, now)) ref.meta = { scheduled: 'true', privacy };
    return ref;
  });
}

const SKEW_MS = 120_000;

/**
 * YouTube keeps no client key. Among the channel's 25 newest uploads, a video scheduled for exactly
 * this time (publishAt) is ours; otherwise the earliest one uploaded since the scheduled time (less
 * two minutes of skew). An upload made by hand in between would be mistaken for it.
 */
export async function findYoutubeVideo(ctx: ConnectorContext, _key: string, scheduledAt: Date): Promise<RemoteRef | null> {
  return withYoutube(ctx, async (yt) => {
    let playlistId = ctx.auth.uploadsPlaylistId;
    if (!playlistId) {
      const { data } = await yt.channels.list({ part: ['contentDetails'], mine: true });
      playlistId = data.items?.[0]?.contentDetails?.relatedPlaylists?.uploads ?? undefined;
    }
    if (!playlistId) return null;
    const { data: list } = await yt.playlistItems.list({ part: ['contentDetails'], playlistId, maxResults: 25 });
    const ids = (list.items ?? []).map((i) => i.contentDetails?.videoId).filter((id): id is string => Boolean(id));
    if (ids.length === 0) return null;
    const { data: videos } = await yt.videos.list({ part: ['snippet,status'], id: [ids.join(',')] });
    const items = videos.items ?? [];
    const at = scheduledAt.getTime();
    const scheduled = items.find((v) => v.status?.publishAt && Date.parse(v.status.publishAt) === at);
    const since = items
      .filter((v) => v.snippet?.publishedAt && Date.parse(v.snippet.publishedAt) >= at - SKEW_MS)
      .sort((a, b) => Date.parse(a.snippet!.publishedAt!) - Date.parse(b.snippet!.publishedAt!));
    // Still private with that publishAt: YouTube holds it (handed over), and the publisher confirms it later.
    if (scheduled?.id) return { id: scheduled.id, url: watchUrl(scheduled.id), ...(scheduled.status?.privacyStatus === 'private' ? { meta: { scheduled: 'true', publishAt: scheduled.status.publishAt! } } : {}) };
    const found = since[0];
    return found?.id ? { id: found.id, url: watchUrl(found.id) } : null;
  });
}

/** videos.delete; a video YouTube holds for later is withdrawn only while nobody can see it yet (scheduled.ts). */
export async function deleteYoutubeVideo(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  if (ref.meta?.scheduled === 'true') return withdrawYoutubeScheduled(ctx, ref);
  await withYoutube(ctx, (yt) => yt.videos.delete({ id: ref.id }));
}

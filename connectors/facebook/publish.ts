import { PublishError, type ConnectorContext, type MediaInput, type PublishInput, type RemoteRef } from '../types';
import { graph, isGone } from './graph';
import { facebookCapabilities, SCHEDULE_MAX_MS, SCHEDULE_MIN_MS } from './manifest';
import { pageOf, postUrl } from './page';
import { withdrawFacebookScheduled } from './scheduled';

/**
 * Publishes to the Page feed: text (and a link) on /feed, one photo on /photos, several photos
 * uploaded unpublished and attached to a /feed post. When the post is due 10 minutes to 30 days
 * from now, Facebook holds it (published=false + scheduled_publish_time) and publishes it itself.
 * Graph has no idempotency key; `findPublished` returns null (README).
 */
export async function publishFacebook(ctx: ConnectorContext, input: PublishInput, now = Date.now()): Promise<RemoteRef> {
  checkInput(input);
  const { pageId, call } = pageOf(ctx);
  const when = scheduleFields(input.scheduledAt, now);
  const scheduled = 'scheduled_publish_time' in when;
  const [one, ...more] = input.media;
  if (one && more.length === 0) {
    const res = await graph<{ id: string; post_id?: string }>(call, 'POST', `${pageId}/photos`, { ...(input.text ? { message: input.text } : ({} as Record<string, string>)), ...altText(one), ...when }, photoForm(one));
    const id = res.post_id ?? res.id;
    return { id, url: postUrl(id), meta: { photoId: res.id, ...(scheduled ? { scheduled: 'true' } : {}) } };
  }
  const attached: { media_fbid: string }[] = [];
  for (const m of input.media) {
    // Photos for a scheduled post must be `temporary` so Facebook keeps them until it publishes.
    const photo = await graph<{ id: string }>(call, 'POST', `${pageId}/photos`, { published: 'false', ...(scheduled ? { temporary: 'true' } : {}), ...altText(m) }, photoForm(m));
    attached.push({ media_fbid: photo.id });
  }
  const link: Record<string, string> = input.media.length === 0 && input.linkCard ? { link: input.linkCard.url } : {};
  const res = await graph<{ id: string }>(call, 'POST', `${pageId}/feed`, { message: input.text, ...link, ...(attached.length > 0 ? { attached_media: attached } : {}), ...when });
  return { id: res.id, url: postUrl(res.id), ...(scheduled ? { meta: { scheduled: 'true' } } : {}) };
}

/** Native scheduling inside Facebook's window; otherwise publish now (our scheduler already waited). */
export function scheduleFields(at: Date, now: number): Record<string, string> {
  const ahead = at.getTime() - now;
  if (ahead < SCHEDULE_MIN_MS || ahead > SCHEDULE_MAX_MS) return {};
  return { published: 'false', scheduled_publish_time: String(Math.floor(at.getTime() / 1000)) };
}

function checkInput(input: PublishInput): void {
  const { text, media } = facebookCapabilities;
  if (input.text.trim() === '' && input.media.length === 0 && !input.linkCard) throw new PublishError('rejected', 'a Facebook post needs text, a link or photos');
  if (input.text.length > text[0]!.max) throw new PublishError('rejected', `post is ${input.text.length} characters; Facebook allows ${text[0]!.max}`);
  if (input.media.length > media.maxItems) throw new PublishError('rejected', `Facebook posts hold at most ${media.maxItems} photos (got ${input.media.length})`);
  input.media.forEach((m, i) => {
    if (!media.imageTypes.includes(m.mimeType)) throw new PublishError('rejected', `item ${i + 1}: ${m.mimeType} is not supported (photos only: ${media.imageTypes.join(', ')})`);
    if (m.bytes.byteLength > media.imageMaxBytes) throw new PublishError('rejected', `photo ${i + 1}: ${m.bytes.byteLength} bytes is over Facebook's ${media.imageMaxBytes}-byte limit`);
  });
}

function photoForm(m: MediaInput): FormData {
  const form = new FormData();
  form.set('source', new Blob([Buffer.from(m.bytes)], { type: m.mimeType }), `photo.${m.mimeType.split('/')[1] ?? 'jpg'}`);
  return form;
}

const altText = (m: MediaInput): Record<string, string> => (m.altText ? { alt_text_custom: m.altText } : {});

/** DELETE /{post-id}; a post already gone counts as deleted. A post Facebook holds for later is withdrawn (scheduled.ts). */
export async function deleteFacebook(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  if (ref.meta?.scheduled === 'true') return withdrawFacebookScheduled(ctx, ref);
  const { call } = pageOf(ctx);
  try {
    await graph(call, 'DELETE', ref.id);
  } catch (err) {
    if (!isGone(err)) throw err;
  }
}

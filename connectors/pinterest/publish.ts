import { countGraphemes } from '../../shared/text';
import { PublishError, type ConnectorContext, type MediaInput, type PublishInput, type RemoteRef } from '../types';
import { pinterestCall } from './http';
import { PIN_DESCRIPTION_MAX, PIN_LINK_MAX, PIN_TITLE_MAX, pinterestCapabilities } from './manifest';

export interface Pin {
  id: string;
  created_at?: string;
  board_id?: string;
  title?: string | null;
  description?: string | null;
  link?: string | null;
}

export const pinUrl = (id: string) => `https://www.pinterest.com/pin/${encodeURIComponent(id)}/`;

/** The first non-empty line is the title; the rest is the description. */
export function splitTitle(text: string): { title: string; description: string } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { title: '', description: '' };
  return { title: lines[first]!.trim(), description: lines.slice(first + 1).join('\n').trim() };
}

export function channelBoard(ctx: ConnectorContext): string {
  const board = ctx.auth.boardId?.trim();
  if (!board) throw new PublishError('rejected', 'this Pinterest channel has no board: reconnect it and enter the board to pin to');
  return board;
}

function theImage(media: MediaInput[]): MediaInput {
  if (media.length === 0) throw new PublishError('rejected', 'a Pin needs an image: attach one');
  if (media.length > 1) throw new PublishError('rejected', `a Pin takes one image (got ${media.length})`);
  const m = media[0]!;
  if (!pinterestCapabilities.media.imageTypes.includes(m.mimeType)) throw new PublishError('rejected', `Pinterest takes JPEG or PNG images, not ${m.mimeType}`);
  return m;
}

/**
 * The image as Pinterest wants it: fetched by Pinterest from the signed public URL when the server
 * has one (no upload through us), otherwise sent inline as base64.
 */
function mediaSource(m: MediaInput): Record<string, string> {
  if (m.publicUrl) return { source_type: 'image_url', url: m.publicUrl };
  return { source_type: 'image_base64', content_type: m.mimeType, data: Buffer.from(m.bytes).toString('base64') };
}

export function pinBody(board: string, input: PublishInput): Record<string, unknown> {
  const image = theImage(input.media);
  const { title, description } = splitTitle(input.text);
  if (countGraphemes(title) > PIN_TITLE_MAX) throw new PublishError('rejected', `the title (first line) is ${countGraphemes(title)} characters; Pinterest allows ${PIN_TITLE_MAX}`);
  if (countGraphemes(description) > PIN_DESCRIPTION_MAX) throw new PublishError('rejected', `the description is ${countGraphemes(description)} characters; Pinterest allows ${PIN_DESCRIPTION_MAX}`);
  const body: Record<string, unknown> = { board_id: board, media_source: mediaSource(image) };
  if (title) body.title = title;
  if (description) body.description = description;
  const link = input.linkCard?.url ?? /https?:\/\/\S+/.exec(input.text)?.[0];
  if (link && link.length <= PIN_LINK_MAX) body.link = link;
  if (image.altText.trim()) body.alt_text = image.altText.slice(0, 500);
  return body;
}

/** POST /v5/pins. Pinterest keeps no client key: reconciliation is `findPin`. */
export async function publishPin(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  if (input.replyTo) throw new PublishError('rejected', 'Pins cannot be threads');
  const body = pinBody(channelBoard(ctx), input);
  const pin = await pinterestCall<Pin>(ctx, 'POST', '/pins', body);
  if (!pin?.id) throw new PublishError('transient', 'Pinterest created the Pin without returning its id');
  return { id: pin.id, url: pinUrl(pin.id) };
}

const SKEW_MS = 120_000;
/** Pin times may come without a zone; they are UTC. */
const pinTime = (t: string) => Date.parse(/(Z|[+-]\d\d:?\d\d)$/.test(t) ? t : `${t}Z`);

/**
 * The earliest Pin on the channel's board created since the scheduled time (less two minutes of
 * skew), among the board's 25 newest. A Pin added by hand in between would be mistaken for it.
 */
export async function findPin(ctx: ConnectorContext, _key: string, scheduledAt: Date): Promise<RemoteRef | null> {
  const board = channelBoard(ctx);
  const page = await pinterestCall<{ items?: Pin[] }>(ctx, 'GET', `/boards/${encodeURIComponent(board)}/pins?page_size=25`);
  const since = scheduledAt.getTime() - SKEW_MS;
  const found = (page.items ?? [])
    .filter((p) => p.created_at && pinTime(p.created_at) >= since)
    .sort((a, b) => pinTime(a.created_at!) - pinTime(b.created_at!))[0];
  return found ? { id: found.id, url: pinUrl(found.id) } : null;
}

export async function deletePin(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  await pinterestCall(ctx, 'DELETE', `/pins/${encodeURIComponent(ref.id)}`);
}

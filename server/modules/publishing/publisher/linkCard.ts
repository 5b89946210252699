import type { PublishInput } from '../../../../connectors/types';
import type { LinkPreview } from '../../../db/schema';
import { isPublicHost } from '../../../net/outbound';

const THUMB_MAX_BYTES = 1_000_000;

/**
 * The card for the post's first link, with its image when it can be fetched safely (public host,
 * an image type, under 1 MB); a card without a picture is better than no card.
 */
export async function linkCardFor(preview: LinkPreview | null): Promise<PublishInput['linkCard']> {
  if (!preview) return undefined;
  const card = { url: preview.url, title: preview.title, description: preview.description };
  if (!preview.imageUrl) return card;
  try {
    const url = new URL(preview.imageUrl);
    if (!(await isPublicHost(url.hostname))) return card;
    const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(5000) });
    const type = res.headers.get('content-type')?.split(';')[0] ?? '';
    if (!res.ok || !/^image\/(jpeg|png|webp|gif)$/.test(type)) return card;
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.byteLength > THUMB_MAX_BYTES) return card;
    return { ...card, thumb: { bytes, mimeType: type, altText: '' } };
  } catch {
    return card;
  }
}

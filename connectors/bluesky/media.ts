import type { $Typed, Agent, AppBskyEmbedExternal, AppBskyEmbedImages } from '@atproto/api';
import { PublishError, type MediaInput, type MediaRules, type PublishInput } from '../types';

/** Refuses, before any upload, what the network would refuse anyway (saves quota and bandwidth). */
export function checkMedia(media: MediaInput[], rules: MediaRules): void {
  if (media.length > rules.maxItems) {
    throw new PublishError('rejected', `Bluesky allows at most ${rules.maxItems} images per post (got ${media.length})`);
  }
  media.forEach((m, i) => {
    const n = i + 1;
    if (!rules.imageTypes.includes(m.mimeType)) {
      throw new PublishError('rejected', `image ${n}: type ${m.mimeType} is not supported (${rules.imageTypes.join(', ')})`);
    }
    if (m.bytes.byteLength > rules.imageMaxBytes) {
      throw new PublishError('rejected', `image ${n}: ${m.bytes.byteLength} bytes is over the ${rules.imageMaxBytes}-byte limit`);
    }
    if (rules.altTextRequired && m.altText.trim() === '') {
      throw new PublishError('rejected', `image ${n}: alt text is required`);
    }
  });
}

/** Uploads the images as blobs and returns the `app.bsky.embed.images` embed (or undefined without media). */
export async function uploadImages(agent: Agent, media: MediaInput[]): Promise<$Typed<AppBskyEmbedImages.Main> | undefined> {
  if (media.length === 0) return undefined;
  const images: AppBskyEmbedImages.Image[] = [];
  for (const m of media) {
    const { data } = await agent.uploadBlob(m.bytes, { encoding: m.mimeType });
    const image: AppBskyEmbedImages.Image = { image: data.blob, alt: m.altText };
    if (m.width && m.height && m.width > 0 && m.height > 0) {
      image.aspectRatio = { width: Math.round(m.width), height: Math.round(m.height) };
    }
    images.push(image);
  }
  return { $type: 'app.bsky.embed.images', images };
}

/** The link card (`app.bsky.embed.external`); Bluesky shows it only when the post has no images. */
export async function externalEmbed(agent: Agent, card: NonNullable<PublishInput['linkCard']>): Promise<$Typed<AppBskyEmbedExternal.Main>> {
  const external: AppBskyEmbedExternal.External = { uri: card.url, title: card.title, description: card.description };
  if (card.thumb) external.thumb = (await agent.uploadBlob(card.thumb.bytes, { encoding: card.thumb.mimeType })).data.blob;
  return { $type: 'app.bsky.embed.external', external };
}

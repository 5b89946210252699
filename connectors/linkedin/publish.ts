import { PublishError, type ConnectorContext, type MediaInput, type PublishInput, type RemoteRef } from '../types';
import { authOf, enc, li, send } from './api';
import { toLittleText } from './littleText';
import { linkedinMemberCapabilities as caps } from './manifest';

interface InitializeUpload {
  value: { uploadUrl: string; image: string; uploadUrlExpiresAt?: number };
}

/**
 * POST /rest/posts; LinkedIn answers 201 with the post URN in the x-restli-id header. Images are
 * registered (initializeUpload), uploaded with PUT, then referenced. The Posts API has no
 * idempotency key: `findPublished` returns null (README).
 */
export async function publishLinkedIn(ctx: ConnectorContext, input: PublishInput): Promise<RemoteRef> {
  checkInput(input);
  const { accessToken, authorUrn } = authOf(ctx);
  const images: { id: string; altText?: string }[] = [];
  for (const m of input.media) images.push({ id: await uploadImage(ctx, m), ...(m.altText ? { altText: m.altText } : {}) });
  const content =
    images.length === 1 ? { media: images[0] } : images.length > 1 ? { multiImage: { images } } : input.linkCard ? { article: { source: input.linkCard.url, title: input.linkCard.title, ...(input.linkCard.description ? { description: input.linkCard.description } : {}) } } : undefined;
  const post = {
    author: authorUrn,
    commentary: toLittleText(input.text),
    visibility: 'PUBLIC',
    distribution: { feedDistribution: 'MAIN_FEED', targetEntities: [], thirdPartyDistributionChannels: [] },
    lifecycleState: 'PUBLISHED',
    isReshareDisabledByAuthor: false,
    ...(content ? { content } : {}),
  };
  const res = await li(ctx.baseUrl, accessToken, 'POST', '/rest/posts', post);
  const urn = res.headers.get('x-restli-id');
  if (!urn) throw new PublishError('transient', 'LinkedIn created the post but did not say its id (no x-restli-id header)');
  return { id: urn, url: `https://www.linkedin.com/feed/update/${urn}/` };
}

async function uploadImage(ctx: ConnectorContext, m: MediaInput): Promise<string> {
  const { accessToken, authorUrn } = authOf(ctx);
  const { body } = await li<InitializeUpload>(ctx.baseUrl, accessToken, 'POST', '/rest/images?action=initializeUpload', { initializeUploadRequest: { owner: authorUrn } });
  await send(uploadTarget(body.value.uploadUrl, ctx.baseUrl), { method: 'PUT', headers: { authorization: `Bearer ${accessToken}`, 'content-type': m.mimeType }, body: Buffer.from(m.bytes) });
  return body.value.image;
}

/** ctx.baseUrl stands for all of LinkedIn (a proxy or recorded answers), so the upload host moves with it. */
export function uploadTarget(uploadUrl: string, base?: string): string {
  if (!base) return uploadUrl;
  const u = new URL(uploadUrl);
  return `${base}${u.pathname}${u.search}`;
}

function checkInput(input: PublishInput): void {
  const max = caps.text[0]!.max;
  if (input.text.trim() === '' && input.media.length === 0) throw new PublishError('rejected', 'a LinkedIn post needs text or images');
  if (input.text.length > max) throw new PublishError('rejected', `post is ${input.text.length} characters; LinkedIn allows ${max}`);
  const rules = caps.media;
  if (input.media.length > rules.maxItems) throw new PublishError('rejected', `LinkedIn posts hold at most ${rules.maxItems} images (got ${input.media.length})`);
  input.media.forEach((m, i) => {
    if (!rules.imageTypes.includes(m.mimeType)) throw new PublishError('rejected', `item ${i + 1}: ${m.mimeType} is not supported (images only: ${rules.imageTypes.join(', ')})`);
    if (m.bytes.byteLength > rules.imageMaxBytes) throw new PublishError('rejected', `image ${i + 1}: ${m.bytes.byteLength} bytes is over ${rules.imageMaxBytes}`);
  });
}

/** DELETE /rest/posts/{urn}; a post already gone (404) counts as deleted. */
export async function deleteLinkedIn(ctx: ConnectorContext, ref: RemoteRef): Promise<void> {
  const { accessToken } = authOf(ctx);
  try {
    await li(ctx.baseUrl, accessToken, 'DELETE', `/rest/posts/${enc(ref.id)}`);
  } catch (err) {
    if (err instanceof PublishError && err.opts.networkCode?.split(':')[0] === '404') return;
    throw err;
  }
}

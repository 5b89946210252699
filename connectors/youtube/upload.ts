import type { youtube_v3 } from '@googleapis/youtube';
import { PublishError, type ConnectorContext, type MediaInput } from '../types';
import { apiRoot } from './api';
import { classifyGoogle, classifyThrown, safeJson } from './errors';

const TIMEOUT_MS = 30 * 60_000;

/**
 * The session address Google returns is absolute (www.googleapis.com); behind a base address (a
 * proxy, the recorded network of the tests) the same path and query are asked of that base.
 */
export function sessionUrl(location: string, ctx: ConnectorContext): string {
  const loc = new URL(location, apiRoot(ctx));
  return ctx.baseUrl ? new URL(`${loc.pathname}${loc.search}`, apiRoot(ctx)).toString() : loc.toString();
}

/**
 * videos.insert through the resumable upload protocol
 * (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol): a POST with the
 * video resource opens a session (its URI in `Location`), a PUT sends the bytes, and the answer is the
 * video resource. The Node client only does multipart uploads, which cap what one request may carry.
 */
export async function resumableInsert(ctx: ConnectorContext, token: string, resource: youtube_v3.Schema$Video, media: MediaInput): Promise<youtube_v3.Schema$Video> {
  const start = `${apiRoot(ctx)}upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`;
  let res: Response;
  try {
    res = await fetch(start, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json; charset=UTF-8',
        'x-upload-content-length': String(media.bytes.byteLength),
        'x-upload-content-type': media.mimeType,
      },
      body: JSON.stringify(resource),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (err) {
    throw classifyThrown(err);
  }
  if (!res.ok) throw classifyGoogle(res.status, safeJson(await res.text()));
  const location = res.headers.get('location');
  await res.body?.cancel();
  if (!location) throw new PublishError('transient', 'YouTube opened no upload session (no Location header)');
  let put: Response;
  let text: string;
  try {
    put = await fetch(sessionUrl(location, ctx), {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': media.mimeType },
      // fetch's types ask for an ArrayBuffer-backed view; a cast avoids copying a large video.
      body: media.bytes as Uint8Array<ArrayBuffer>,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    text = await put.text();
  } catch (err) {
    throw classifyThrown(err);
  }
  if (put.status !== 200 && put.status !== 201) throw classifyGoogle(put.status, safeJson(text));
  const video = safeJson(text) as youtube_v3.Schema$Video | undefined;
  if (!video?.id) throw new PublishError('transient', 'YouTube finished the upload without returning the video id');
  return video;
}

import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { AltText, type MediaAsset } from '../../../../shared/contracts/media';
import type { Actor, AppContext } from '../../../context';
import { mediaAssets } from '../../../db/schema';
import { AppError } from '../../../errors';
import { recordAudit } from '../../audit';
import { analyzeStored, type Analysis } from '../ingest/analyze';
import { receiveFile, tooLarge, type Received } from '../ingest/receive';
import { presentAsset } from '../presenters';
import { channelRules, checksFor } from '../queries/channelRules';

/** One part of a multipart form, as the route hands it over. */
export type UploadPart = { type: 'field'; name: string; value: string } | { type: 'file'; filename: string; stream: Readable };

export interface UploadMediaOptions {
  ctx: AppContext;
  actor: Actor;
  /** The form's parts in order: a `file`, and optionally `altText` (before or after the file). */
  parts: AsyncIterable<UploadPart>;
  /** The request's Content-Length, when sent: a body already too large is refused before it is read. */
  declaredBytes?: number;
}

/** Room for the multipart boundaries and the alt text field around the file. */
const FORM_OVERHEAD = 64 * 1024;

/**
 * Stores an uploaded image or video: streamed to storage, its type read from its bytes, measured,
 * given a thumbnail, then recorded. Anything refused or failed leaves nothing in storage.
 */
export async function uploadMedia({ ctx, actor, parts, declaredBytes }: UploadMediaOptions): Promise<MediaAsset> {
  if (declaredBytes && declaredBytes > ctx.mediaMaxBytes + FORM_OVERHEAD) throw tooLarge(ctx.mediaMaxBytes);
  const id = randomUUID();
  const storageKey = `workspaces/${actor.workspaceId}/media/${id}`;
  const thumbnailKey = `${storageKey}.thumb.webp`;
  let received: Received | null = null;
  let originalName = 'upload';
  let altText = '';
  let problem: unknown = null;

  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.name === 'altText') altText = part.value;
        else problem ??= new AppError('VALIDATION_FAILED', `The form has a field "${part.name}" this upload does not know. Send "file" and, optionally, "altText".`, { fields: { [part.name]: 'Unknown field.' } });
        continue;
      }
      if (received || problem) {
        // Read it to the end anyway, so the client gets the answer rather than a broken connection.
        for await (const _ of part.stream) void _;
        problem ??= new AppError('BAD_REQUEST', 'Upload one file at a time.', { reason: 'too_many_files' });
        continue;
      }
      originalName = safeName(part.filename);
      try {
        received = await receiveFile(part.stream, { storage: ctx.storage, key: storageKey, maxBytes: ctx.mediaMaxBytes });
      } catch (err) {
        problem = err;
      }
    }
  } catch (err) {
    problem ??= err;
  }
  if (!problem && !received) problem = new AppError('BAD_REQUEST', 'The form has no file. Choose an image or a video to upload.', { reason: 'no_file' });
  const alt = AltText.safeParse(altText);
  if (!problem && !alt.success) problem = new AppError('VALIDATION_FAILED', alt.error.issues[0]!.message, { fields: { altText: alt.error.issues[0]!.message } });

  let analysis: Analysis | null = null;
  try {
    if (problem) throw problem;
    analysis = await analyzeStored(ctx.storage, storageKey, received!.mimeType, received!.byteSize);
    if (analysis.thumbnail) await ctx.storage.put(thumbnailKey, Readable.from([analysis.thumbnail]), { contentType: 'image/webp' });
    const r = received!;
    const a = analysis;
    const row = await ctx.db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(mediaAssets)
        .values({ id, workspaceId: actor.workspaceId, uploadedBy: actor.userId, kind: a.kind, mimeType: r.mimeType, byteSize: r.byteSize, width: a.width, height: a.height, durationMs: a.durationMs, sha256: r.sha256, originalName, altText: alt.data ?? '', storageKey, thumbnailKey: a.thumbnail ? thumbnailKey : null })
        .returning();
      await recordAudit({ db: tx, action: 'media.uploaded', workspaceId: actor.workspaceId, actor, target: { type: 'media', id }, ip: actor.ip, data: { kind: a.kind, mimeType: r.mimeType, byteSize: r.byteSize } });
      return inserted!;
    });
    return presentAsset(row, checksFor(row, await channelRules(ctx.db, actor.workspaceId)));
  } catch (err) {
    await Promise.all([ctx.storage.delete(storageKey), ctx.storage.delete(thumbnailKey)]).catch((e: unknown) => ctx.log.warn({ err: e, storageKey }, 'could not remove the files of a refused upload'));
    throw err;
  }
}

/** The name as the user knows it, without folders or control characters, for display and downloads. */
function safeName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return clean || 'upload';
}

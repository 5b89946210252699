import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import type { Db } from '../../../db/client';
import { communityImages, communityMembers } from '../../../db/schema';
import { AppError } from '../../../errors';
import { storeCleanImage } from '../../media';
import { assertAcknowledgedGuidelines, type Writer } from '../policies';
import { presentImage } from '../presenters';

/** One part of the multipart form, as the route hands it over. */
export type ImagePart = { type: 'field'; name: string; value: string } | { type: 'file'; stream: Readable };

export interface UploadCommunityImageOptions {
  ctx: AppContext;
  writer: Writer;
  parts: AsyncIterable<ImagePart>;
  declaredBytes?: number;
}

const ALT_MAX = 500;
const FORM_OVERHEAD = 16 * 1024;

/** How many images the member uploaded in the last 24 hours, and when the oldest of them leaves the window. */
async function recentUploads(db: Db, memberId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${communityImages.createdAt})` })
    .from(communityImages)
    .where(and(eq(communityImages.uploadedByMemberId, memberId), gt(communityImages.createdAt, sql`now() - interval '24 hours'`)));
  return { n: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

function assertUnderLimit(count: { n: number; oldest: Date | null }, perDay: number): void {
  if (count.n < perDay) return;
  if (perDay === 0) throw new AppError('FORBIDDEN', 'Image uploads are turned off in this community.', { reason: 'uploads_off' });
  const retryAfterSeconds = count.oldest ? Math.max(1, Math.ceil((count.oldest.getTime() + 86_400_000 - Date.now()) / 1000)) : 3600;
  throw new AppError('RATE_LIMITED', `You uploaded ${perDay} images in the last 24 hours, the most a member may. Try again in ${Math.ceil(retryAfterSeconds / 3600)} hour(s).`, { reason: 'upload_limit', retryAfterSeconds });
}

/**
 * An image for a post, by a member (limited per 24 hours) or staff: checked and cleaned by the media
 * module (type from its bytes, size, metadata dropped), stored, and served from our own URL.
 */
export async function uploadCommunityImage({ ctx, writer, parts, declaredBytes }: UploadCommunityImageOptions) {
  const { maxBytes, perMemberPerDay } = ctx.communityImages;
  const id = randomUUID();
  const storageKey = `workspaces/${writer.workspaceId}/community/images/${id}`;
  let problem: unknown = null;
  try {
    assertAcknowledgedGuidelines(writer);
    if (writer.kind === 'member') assertUnderLimit(await recentUploads(ctx.db, writer.member.id), perMemberPerDay);
    if (declaredBytes && declaredBytes > maxBytes + FORM_OVERHEAD) throw new AppError('PAYLOAD_TOO_LARGE', `Images may be at most ${Math.round(maxBytes / 1024 / 1024)} MB. Upload a smaller one.`, { reason: 'too_large', maxBytes });
  } catch (err) {
    problem = err;
  }
  let stored: Awaited<ReturnType<typeof storeCleanImage>> | null = null;
  let altText = '';
  for await (const part of parts) {
    if (part.type === 'field') {
      if (part.name === 'altText') altText = part.value.trim();
      else problem ??= new AppError('VALIDATION_FAILED', `The form has a field "${part.name}" this upload does not know. Send "file" and, optionally, "altText".`, { fields: { [part.name]: 'Unknown field.' } });
      continue;
    }
    if (problem || stored) {
      // Read to the end anyway, so the client gets the answer rather than a broken connection.
      for await (const _ of part.stream) void _;
      problem ??= new AppError('BAD_REQUEST', 'Upload one image at a time.', { reason: 'too_many_files' });
      continue;
    }
    try {
      stored = await storeCleanImage({ storage: ctx.storage, key: storageKey, source: part.stream, maxBytes });
    } catch (err) {
      problem = err;
    }
  }
  if (!problem && !stored) problem = new AppError('BAD_REQUEST', 'The form has no file. Choose an image to upload.', { reason: 'no_file' });
  if (!problem && altText.length > ALT_MAX) problem = new AppError('VALIDATION_FAILED', `Keep the alt text under ${ALT_MAX} characters.`, { fields: { altText: `At most ${ALT_MAX} characters.` } });
  try {
    if (problem) throw problem;
    const img = stored!;
    const row = await ctx.db.transaction(async (tx) => {
      if (writer.kind === 'member') {
        // Two uploads at once must not both pass the limit: the member's row is the lock.
        await tx.execute(sql`select 1 from ${communityMembers} where ${communityMembers.id} = ${writer.member.id} for update`);
        assertUnderLimit(await recentUploads(tx, writer.member.id), perMemberPerDay);
      }
      const [inserted] = await tx
        .insert(communityImages)
        .values({
          id,
          workspaceId: writer.workspaceId,
          uploadedByMemberId: writer.kind === 'member' ? writer.member.id : null,
          uploadedByUserId: writer.kind === 'staff' ? writer.userId : null,
          mimeType: img.mimeType,
          byteSize: img.byteSize,
          width: img.width,
          height: img.height,
          sha256: img.sha256,
          altText,
          storageKey,
        })
        .returning();
      return inserted!;
    });
    return presentImage(row, ctx.publicUrl);
  } catch (err) {
    if (stored) await ctx.storage.delete(storageKey).catch((e: unknown) => ctx.log.warn({ err: e, storageKey }, 'could not remove a refused community image'));
    throw err;
  }
}

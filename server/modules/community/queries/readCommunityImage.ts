import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { communityImages } from '../../../db/schema';
import { notFound } from '../../../errors';
import { StorageNotFoundError, type Storage } from '../../../storage';

/** The bytes of one image of this community, for anyone with its address (posts on public pages show them). */
export async function readCommunityImage(db: Db, storage: Storage, workspaceId: string, imageId: string) {
  const [img] = await db.select().from(communityImages).where(and(eq(communityImages.workspaceId, workspaceId), eq(communityImages.id, imageId)));
  if (!img) throw notFound('That image');
  try {
    return { stream: await storage.get(img.storageKey), mimeType: img.mimeType, size: img.byteSize, etag: `"${img.sha256.slice(0, 32)}"` };
  } catch (err) {
    if (err instanceof StorageNotFoundError) throw notFound('The stored file of this image');
    throw err;
  }
}

import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CommunityImage } from '../../../shared/contracts/communityAccount';
import { AppError } from '../../errors';
import { WorkspaceParams } from '../../http/params';
import { uploadCommunityImage, type ImagePart } from './commands/uploadCommunityImage';
import { requireMember } from './memberSession';
import { staffOf } from './policies';
import { findCommunity } from './queries/findCommunity';
import { readCommunityImage } from './queries/readCommunityImage';

const CommunityParams = z.strictObject({ communityId: z.uuid('That is not a community id.') });
const ImageParams = CommunityParams.extend({ imageId: z.uuid('That is not an image id.') });
const notMultipart = () => new AppError('BAD_REQUEST', 'Send the image as multipart/form-data, in a field named "file" (and optionally "altText").', { reason: 'not_multipart' });

/** Images in posts: uploads by members and staff, served from our own address. Its own plugin: it alone parses multipart here. */
export const communityImageRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { throwFileSizeLimit: false, limits: { files: 2, fields: 4, parts: 6, fieldSize: 16 * 1024 } });

  app.post('/api/communities/:communityId/images', { schema: { tags: ['community (members)'], summary: 'Upload an image for a post (multipart: `file`, optional `altText`); limited per member per day', consumes: ['multipart/form-data'], params: CommunityParams, response: { 201: CommunityImage } } }, async (req, reply) => {
    await findCommunity(req.ctx.db, req.params.communityId);
    const writer = await requireMember(req, req.params.communityId);
    if (!req.isMultipart()) throw notMultipart();
    return reply.code(201).send(await uploadCommunityImage({ ctx: req.ctx, writer, parts: formParts(req), declaredBytes: Number(req.headers['content-length']) || undefined }));
  });

  app.get('/api/communities/:communityId/images/:imageId', { schema: { tags: ['community (members)'], summary: 'An image of a post (public: anyone with the address)', params: ImageParams } }, async (req, reply) => {
    const file = await readCommunityImage(req.ctx.db, req.ctx.storage, req.params.communityId, req.params.imageId);
    return reply
      .header('content-type', file.mimeType)
      .header('content-length', file.size)
      .header('x-content-type-options', 'nosniff')
      // Opened on its own, the file can run nothing.
      .header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', file.etag)
      .send(file.stream);
  });

  app.post('/api/workspaces/:workspaceId/community/images', { config: { action: 'community.post' }, schema: { tags: ['community (team)'], summary: 'Upload an image for a staff post (multipart: `file`, optional `altText`)', consumes: ['multipart/form-data'], params: WorkspaceParams, response: { 201: CommunityImage } } }, async (req, reply) => {
    await findCommunity(req.ctx.db, req.actor.workspaceId);
    if (!req.isMultipart()) throw notMultipart();
    return reply.code(201).send(await uploadCommunityImage({ ctx: req.ctx, writer: staffOf(req.actor), parts: formParts(req), declaredBytes: Number(req.headers['content-length']) || undefined }));
  });
};

async function* formParts(req: FastifyRequest): AsyncIterable<ImagePart> {
  for await (const part of req.parts({ limits: { fileSize: req.ctx.communityImages.maxBytes + 1 } })) {
    if (part.type === 'file') yield { type: 'file', stream: part.file };
    else yield { type: 'field', name: part.fieldname, value: typeof part.value === 'string' ? part.value : String(part.value) };
  }
}

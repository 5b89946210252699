import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Ok } from '../../../shared/contracts/common';
import { ListMediaQuery, MediaAsset, MediaPage, UpdateMediaBody } from '../../../shared/contracts/media';
import { AppError } from '../../errors';
import { WorkspaceParams } from '../../http/params';
import type { ByteRange } from '../../storage';
import { deleteMedia } from './commands/deleteMedia';
import { updateMedia } from './commands/updateMedia';
import { uploadMedia, type UploadPart } from './commands/uploadMedia';
import { getMedia } from './queries/getMedia';
import { listMedia } from './queries/listMedia';
import { readMediaFile, type MediaFile } from './queries/readMediaFile';

const tags = ['media'];
const AssetParams = WorkspaceParams.extend({ assetId: z.uuid('That is not a media id.') });
const base = '/api/workspaces/:workspaceId';

export const mediaRoutes: FastifyPluginAsyncZod = async (app) => {
  // Only this plugin parses multipart bodies; the file size limit is applied per request (MEDIA_MAX_BYTES).
  await app.register(multipart, { throwFileSizeLimit: false, limits: { files: 2, fields: 4, parts: 6, fieldSize: 16 * 1024 } });

  app.get(`${base}/media`, { config: { action: 'media.read' }, schema: { tags, summary: 'The media library, newest first', params: WorkspaceParams, querystring: ListMediaQuery, response: { 200: MediaPage } } }, async (req) =>
    listMedia({ db: req.ctx.db, workspaceId: req.actor.workspaceId, ...req.query }),
  );

  app.post(`${base}/media`, { config: { action: 'media.write' }, schema: { tags, summary: 'Upload an image or video (multipart: `file`, optional `altText`)', consumes: ['multipart/form-data'], params: WorkspaceParams, response: { 201: MediaAsset } } }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError('BAD_REQUEST', 'Send the file as multipart/form-data, in a field named "file" (and optionally "altText").', { reason: 'not_multipart' });
    const asset = await uploadMedia({ ctx: req.ctx, actor: req.actor, parts: formParts(req), declaredBytes: Number(req.headers['content-length']) || undefined });
    return reply.code(201).send(asset);
  });

  app.get(`${base}/media/:assetId`, { config: { action: 'media.read' }, schema: { tags, summary: 'One asset, with its checks against each channel', params: AssetParams, response: { 200: MediaAsset } } }, async (req) =>
    getMedia(req.ctx.db, req.actor.workspaceId, req.params.assetId),
  );

  app.patch(`${base}/media/:assetId`, { config: { action: 'media.write' }, schema: { tags, summary: 'Edit the alt text', params: AssetParams, body: UpdateMediaBody, response: { 200: MediaAsset } } }, async (req) =>
    updateMedia({ ctx: req.ctx, actor: req.actor, assetId: req.params.assetId, altText: req.body.altText }),
  );

  app.delete(`${base}/media/:assetId`, { config: { action: 'media.write' }, schema: { tags, summary: 'Delete an asset no unpublished post uses', params: AssetParams, response: { 200: Ok } } }, async (req) => {
    await deleteMedia({ ctx: req.ctx, actor: req.actor, assetId: req.params.assetId });
    return { ok: true as const };
  });

  app.get(`${base}/media/:assetId/file`, { config: { action: 'media.read' }, schema: { tags, summary: 'The file itself (supports a single byte range)', params: AssetParams } }, async (req, reply) => {
    const file = await readMediaFile({ db: req.ctx.db, storage: req.ctx.storage, workspaceId: req.actor.workspaceId, assetId: req.params.assetId, which: 'original', pickRange: (size) => parseRange(req.headers.range, size) });
    return sendFile(reply, file);
  });

  app.get(`${base}/media/:assetId/thumbnail`, { config: { action: 'media.read' }, schema: { tags, summary: 'A small WebP preview (images and GIFs; videos only when the server has ffmpeg)', params: AssetParams } }, async (req, reply) =>
    sendFile(reply, await readMediaFile({ db: req.ctx.db, storage: req.ctx.storage, workspaceId: req.actor.workspaceId, assetId: req.params.assetId, which: 'thumbnail' })),
  );
};

/** The multipart parts as plain values: text fields and the file stream. */
async function* formParts(req: FastifyRequest): AsyncIterable<UploadPart> {
  for await (const part of req.parts({ limits: { fileSize: req.ctx.mediaMaxBytes + 1 } })) {
    if (part.type === 'file') yield { type: 'file', filename: part.filename, stream: part.file };
    else yield { type: 'field', name: part.fieldname, value: typeof part.value === 'string' ? part.value : String(part.value) };
  }
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range inside the file; anything else is ignored (the whole file is sent, as HTTP allows). */
export function parseRange(header: string | undefined, size: number): ByteRange | null {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '') || size === 0) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start <= end && start < size ? { start, end } : null;
}

function sendFile(reply: FastifyReply, file: MediaFile) {
  reply
    .header('content-type', file.mimeType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', `inline; filename="${file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', 'private, max-age=3600')
    .header('etag', file.etag);
  if (file.size !== null) reply.header('accept-ranges', 'bytes');
  if (file.range && file.size !== null) {
    reply.code(206).header('content-range', `bytes ${file.range.start}-${file.range.end}/${file.size}`).header('content-length', file.range.end - file.range.start + 1);
  } else if (file.size !== null) reply.header('content-length', file.size);
  return reply.send(file.stream);
}

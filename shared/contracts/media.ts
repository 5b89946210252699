import { z } from 'zod';
import { Id } from './common';

/** What an upload may be, by its real type (read from the file's first bytes, never from its name). */
export const MEDIA_TYPES = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'gif',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
} as const;
export type MediaMimeType = keyof typeof MEDIA_TYPES;
export const MEDIA_MIME_TYPES = Object.keys(MEDIA_TYPES) as MediaMimeType[];
/** For the file picker's `accept`: only a hint, the server decides by content. */
export const MEDIA_ACCEPT = [...MEDIA_MIME_TYPES, '.jpg', '.jpeg', '.png', '.webp', '.gif', '.mp4', '.mov', '.webm'].join(',');

export const MEDIA_KINDS = ['image', 'gif', 'video'] as const;
export const MediaKind = z.enum(MEDIA_KINDS);
export type MediaKind = z.infer<typeof MediaKind>;

export const ALT_TEXT_MAX = 2000;
export const AltText = z.string().max(ALT_TEXT_MAX, `Alt text can be at most ${ALT_TEXT_MAX} characters.`);

/** Why an upload or a delete was refused, in `error.details.reason` (the web app translates by it). */
export const MEDIA_REFUSALS = ['unsupported_type', 'too_large', 'empty', 'unreadable', 'not_multipart', 'no_file', 'too_many_files', 'in_use'] as const;
export type MediaRefusal = (typeof MEDIA_REFUSALS)[number];

/** Rules a network checks on one asset; `params` carries the numbers for a translated message. */
export const MEDIA_RULES = ['type', 'count', 'size', 'aspect_ratio', 'duration', 'alt_text', 'alt_text_length'] as const;
export const MediaProblem = z.object({
  rule: z.enum(MEDIA_RULES),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type MediaProblem = z.infer<typeof MediaProblem>;

/** The asset checked against one connected channel's rules. */
export const MediaChannelCheck = z.object({
  channelId: Id,
  channelName: z.string(),
  network: z.string(),
  problems: z.array(MediaProblem),
});
export type MediaChannelCheck = z.infer<typeof MediaChannelCheck>;

export const MediaAsset = z.object({
  id: Id,
  kind: MediaKind,
  mimeType: z.string(),
  byteSize: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationMs: z.number().nullable(),
  sha256: z.string(),
  originalName: z.string(),
  altText: z.string(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
  /** Same-origin URLs; the session cookie or a bearer token authorizes them. */
  fileUrl: z.string(),
  thumbnailUrl: z.string().nullable(),
  /** Against every channel of the workspace, so the library and the composer can warn early. */
  checks: z.array(MediaChannelCheck),
});
export type MediaAsset = z.infer<typeof MediaAsset>;

export const ListMediaQuery = z.strictObject({
  kind: MediaKind.optional(),
  /** Part of the original file name or of the alt text. */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
});

export const MediaPage = z.object({
  assets: z.array(MediaAsset),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type MediaPage = z.infer<typeof MediaPage>;

export const UpdateMediaBody = z.strictObject({ altText: AltText });

import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './identity';
import { workspaces } from './workspaces';
import { communityMembers } from './community';

export type MemberTokenPurpose = 'reset' | 'magic' | 'join';

/**
 * Single-use emailed links of community members: password reset, magic sign-in, and sign-up by
 * magic link (`join`: no member yet, the email and name wait here). Only the token's sha256 is stored.
 */
export const communityMemberTokens = pgTable(
  'community_member_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id').references(() => communityMembers.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    /** For `join` tokens: the display name the new member asked for. */
    displayName: text('display_name'),
    purpose: text('purpose').$type<MemberTokenPurpose>().notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('community_member_tokens_hash_uq').on(t.tokenHash),
    // The per-email throttle counts recent links.
    index('community_member_tokens_email_idx').on(t.workspaceId, t.email, t.createdAt),
    check('community_member_tokens_purpose_ck', sql`${t.purpose} in ('reset', 'magic', 'join')`),
  ],
);

/**
 * Images uploaded for community posts, by members or staff. Re-encoded on upload (metadata such as
 * EXIF and GPS dropped) and served publicly from /api/communities/:communityId/images/:id.
 */
export const communityImages = pgTable(
  'community_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    uploadedByMemberId: uuid('uploaded_by_member_id').references(() => communityMembers.id, { onDelete: 'set null' }),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    mimeType: text('mime_type').notNull(),
    byteSize: bigint('byte_size', { mode: 'number' }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    sha256: text('sha256').notNull(),
    altText: text('alt_text').notNull().default(''),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('community_images_storage_key_uq').on(t.storageKey),
    // The per-member daily limit counts a member's recent uploads.
    index('community_images_member_idx').on(t.uploadedByMemberId, t.createdAt),
  ],
);

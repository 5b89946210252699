import { z } from 'zod';
import { Email, Id, Locale, Password } from './common';

/** Asking for an emailed link (password reset, magic sign-in): the answer is the same whether the email is a member or not. */
export const MemberResetRequestBody = z.strictObject({
  email: Email,
  /** Language of the email; default: the member's first language we write in, else English. */
  locale: Locale.optional(),
});
export const MagicLinkRequestBody = MemberResetRequestBody.extend({
  /** Used only when the email is not a member yet and the community takes sign-ups: the name they join with. */
  displayName: z.string().trim().min(1, 'Choose a display name.').max(60, 'Keep the display name under 60 characters.').optional(),
});
const Token = z.string().min(20, 'That link is incomplete: open the whole link from the email.').max(200);
export const MemberTokenBody = z.strictObject({ token: Token });
export const MemberTokenQuery = z.strictObject({ token: Token });
export const MemberResetConfirmBody = z.strictObject({ token: Token, password: Password });
/** What a link from an email is good for, without using it up. */
export const MemberTokenCheck = z.object({
  valid: z.boolean(),
  /** signin: an existing member; join: signs up a new member (magic links only). */
  kind: z.enum(['reset', 'signin', 'join']).nullable(),
  expiresAt: z.string().nullable(),
});
export const Accepted = z.object({ ok: z.literal(true), message: z.string() });

/** An image uploaded for a post, served from our own server. */
export const CommunityImage = z.object({
  id: Id,
  /** Absolute URL on this server; `![alt](url)` with it renders as an image in posts. */
  url: z.string(),
  /** Ready to paste into a post. */
  markdown: z.string(),
  mimeType: z.string(),
  byteSize: z.number(),
  width: z.number(),
  height: z.number(),
  altText: z.string(),
  createdAt: z.string(),
});
export type CommunityImage = z.infer<typeof CommunityImage>;

export const LinkPreview = z.object({ url: z.string(), title: z.string(), description: z.string(), imageUrl: z.string().nullable(), siteName: z.string().nullable() });

/** A named moderator persona staff may post as. */
export const Persona = z.object({ id: Id, name: z.string(), avatarUrl: z.string().nullable(), archived: z.boolean(), createdAt: z.string() });
export const PersonaList = z.object({ personas: z.array(Persona) });
export const PersonaInput = z.strictObject({
  name: z.string().trim().min(2, 'Give the persona a name of at least 2 characters.').max(60, 'Keep the persona name under 60 characters.'),
  avatarUrl: z.url({ protocol: /^https?$/, error: 'The avatar must be an http(s) address.' }).max(500).nullable().optional(),
});
export const UpdatePersonaBody = PersonaInput.partial();

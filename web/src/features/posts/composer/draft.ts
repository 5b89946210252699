import type { Post } from '../api';

export interface PartDraft {
  text: string;
  media: { assetId: string }[];
}

/** One channel's settings in the composer; `custom` means it has its own text/media (or a thread). */
export interface VariantDraft {
  custom: boolean;
  parts: PartDraft[];
  /** null: the base first comment; '' : none on this channel. */
  firstComment: string | null;
  options: Record<string, string | boolean>;
}

export interface Draft {
  text: string;
  media: { assetId: string }[];
  firstComment: string;
  campaignId: string | null;
  channelIds: string[];
  variants: Record<string, VariantDraft>;
}

export const emptyDraft = (): Draft => ({ text: '', media: [], firstComment: '', campaignId: null, channelIds: [], variants: {} });

export function draftOf(p: Post): Draft {
  return {
    text: p.text,
    media: p.media,
    firstComment: p.firstComment ?? '',
    campaignId: p.campaignId,
    channelIds: p.variants.map((v) => v.channelId),
    variants: Object.fromEntries(p.variants.map((v) => [v.channelId, { custom: !v.inherit, parts: v.parts, firstComment: v.ownFirstComment, options: v.options }])),
  };
}

/** The variant of a channel, or the inheriting default. */
export function variantOf(d: Draft, channelId: string): VariantDraft {
  return d.variants[channelId] ?? { custom: false, parts: [{ text: d.text, media: d.media }], firstComment: null, options: {} };
}

/** What the channel will actually publish: its own parts, or the base as one part. */
export function effectiveParts(d: Draft, channelId: string): PartDraft[] {
  const v = variantOf(d, channelId);
  return v.custom ? v.parts : [{ text: d.text, media: d.media }];
}

export function effectiveFirstComment(d: Draft, channelId: string): string | null {
  const c = variantOf(d, channelId).firstComment ?? d.firstComment;
  return c.trim() ? c : null;
}

/** The request body for POST (create) or PATCH (edit); PATCH resets an untouched channel with null. */
export function bodyOf(d: Draft, mode: 'create' | 'update') {
  const variants: Record<string, object | null> = {};
  for (const id of d.channelIds) {
    const v = d.variants[id];
    const touched = v && (v.custom || v.firstComment !== null || Object.keys(v.options).length > 0);
    if (touched) variants[id] = { ...(v.custom && { parts: v.parts }), ...(v.firstComment !== null && { firstComment: v.firstComment }), ...(Object.keys(v.options).length && { options: v.options }) };
    else if (mode === 'update') variants[id] = null;
  }
  return { text: d.text, media: d.media, firstComment: d.firstComment.trim() ? d.firstComment : null, campaignId: d.campaignId, channelIds: d.channelIds, variants };
}

export const sameDraft = (a: Draft, b: Draft) => JSON.stringify(bodyOf(a, 'update')) === JSON.stringify(bodyOf(b, 'update'));

import { extractEntities, textWarnings } from '../../../../../shared/text';
import type { Network, Post } from '../api';
import type { PartDraft } from './draft';

export type ComposerWarning =
  | { code: 'too_many_hashtags'; count: number; max: number }
  | { code: 'missing_alt_text'; count: number }
  | { code: 'link_without_preview' }
  | { code: 'thread_not_supported'; parts: number }
  | { code: 'first_comment_not_supported' };

/**
 * Advice for one channel before scheduling. Limits the server enforces are shown by the counters;
 * these are the softer problems (a network penalising, a card missing, an image without a description).
 */
export function warningsFor(opts: { network: Network | undefined; parts: PartDraft[]; firstComment: string | null; altTextOf: (assetId: string) => string | undefined; saved: Post | undefined }): ComposerWarning[] {
  const { network, parts, firstComment, altTextOf, saved } = opts;
  const out: ComposerWarning[] = [];
  const all = parts.map((p) => p.text).join('\n');
  for (const w of textWarnings(all, { maxHashtags: network?.maxHashtags })) out.push(w);
  const noAlt = parts.flatMap((p) => p.media).filter((m) => !altTextOf(m.assetId)?.trim()).length;
  if (noAlt) out.push({ code: 'missing_alt_text', count: noAlt });
  const first = parts[0];
  const hasLink = first && first.media.length === 0 && extractEntities(first.text).urls.length > 0;
  // The card is fetched after saving: warn only once the saved text is the one shown and no card came.
  if (hasLink && saved && saved.text === first.text && !saved.linkPreview) out.push({ code: 'link_without_preview' });
  if (network && !network.threads && parts.length > 1) out.push({ code: 'thread_not_supported', parts: parts.length });
  if (network && !network.firstComment && firstComment) out.push({ code: 'first_comment_not_supported' });
  return out;
}

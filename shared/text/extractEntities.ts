/**
 * Hashtags, mentions and links in a draft, with UTF-16 indices (JavaScript string offsets, what an
 * editor highlights with). Hashtags and links come from twitter-text's extractors; mentions use our
 * own pattern, because twitter-text stops a handle at the first dot (`@alice.bsky.social` would be
 * `@alice`) and ignores Mastodon's `@user@domain`.
 */
import { twitterText } from './twitterText';

export interface TextEntity {
  /** Start (inclusive) and end (exclusive) in UTF-16 code units. */
  start: number;
  end: number;
}

export interface HashtagEntity extends TextEntity {
  /** Without the `#`. */
  tag: string;
}

export interface MentionEntity extends TextEntity {
  /** Without the leading `@`: `jack`, `alice.bsky.social`, `user@example.social`. */
  handle: string;
}

export interface UrlEntity extends TextEntity {
  url: string;
}

export interface TextEntities {
  hashtags: HashtagEntity[];
  mentions: MentionEntity[];
  urls: UrlEntity[];
}

// `@` not glued to a word, `@` or `/` (so e-mail addresses and URL paths are not mentions);
// a handle whose dotted labels cannot end in a dot or dash; optionally `@domain` (Mastodon).
const MENTION = /(?<![\p{L}\p{N}_@/])[@＠]([a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)+)?)/giu;

export function extractEntities(text: string): TextEntities {
  const urls = twitterText.extractUrlsWithIndices(text).map(({ url, indices: [start, end] }) => ({ url, start, end }));
  const hashtags = twitterText
    .extractHashtagsWithIndices(text)
    .map(({ hashtag, indices: [start, end] }) => ({ tag: hashtag, start, end }));
  const mentions: MentionEntity[] = [];
  for (const match of text.matchAll(MENTION)) {
    const start = match.index;
    const end = start + match[0].length;
    if (urls.some((u) => start < u.end && u.start < end)) continue;
    mentions.push({ handle: match[1] ?? '', start, end });
  }
  return { hashtags, mentions, urls };
}

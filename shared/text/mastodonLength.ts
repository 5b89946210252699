/**
 * Mastodon's status length: grapheme clusters after every URL is replaced by a fixed-width
 * placeholder and every remote mention `@user@domain` by `@user`. This is the rewrite Mastodon's
 * web composer (`countableText`) and its StatusLengthValidator perform before counting.
 */
import { countGraphemes } from './graphemes';
import { twitterText } from './twitterText';

export const MASTODON_URL_LENGTH = 23;

// Mastodon's client rule, widened to the server's usernames (dots and dashes inside): a username
// the rule missed would be counted in full, so the widening can only lower an overcount.
const REMOTE_MENTION = /(^|[^/\w])@([a-z0-9_]+(?:[a-z0-9_.-]*[a-z0-9_])?)@[a-z0-9.-]+[a-z0-9]/gi;

export function mastodonLength(text: string, urlLength = MASTODON_URL_LENGTH): number {
  const placeholder = 'x'.repeat(urlLength);
  // The server only concedes length to links with a scheme (extract_url_without_protocol: false).
  const urls = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let countable = text;
  for (const { indices: [start, end] } of [...urls].reverse()) {
    countable = countable.slice(0, start) + placeholder + countable.slice(end);
  }
  return countGraphemes(countable.replace(REMOTE_MENTION, '$1@$2'));
}

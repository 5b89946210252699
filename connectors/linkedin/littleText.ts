/**
 * LinkedIn's "little" text format for `commentary`: reserved characters must be escaped or LinkedIn
 * cuts the text short; a hashtag is written as the template {hashtag|\#|word} so it links.
 * (https://learn.microsoft.com/linkedin/marketing/community-management/shares/little-text-format)
 */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const HASHTAG = /(^|[^\p{L}\p{N}_])#([\p{L}\p{N}_]+)/gu;

export function toLittleText(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(HASHTAG)) {
    const start = m.index + m[1]!.length;
    out += escape(text.slice(last, start)) + `{hashtag|\\#|${escape(m[2]!)}}`;
    last = start + 1 + m[2]!.length;
  }
  return out + escape(text.slice(last));
}

const escape = (s: string) => s.replace(RESERVED, (c) => `\\${c}`);

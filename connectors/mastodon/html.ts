/**
 * A status's `content` (HTML) as plain text. Mastodon sanitizes content to a small set of tags
 * (p, br, a, span, and a few inline ones) before it serves it, remote statuses included; we only
 * ever produce text, never HTML, so whatever slips through ends up as inert characters.
 * - paragraphs become blank-line separated, `<br>` a line break, list items lines;
 * - links keep their text: Mastodon hides part of a long URL in `<span class="invisible">`, and
 *   keeping those spans gives back the whole URL; mentions read `@user`;
 * - `<script>`/`<style>` contents are dropped, entities decoded.
 * No HTML library is installed for this: the rules above fit in a few lines.
 */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : whole;
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p\s*>\s*<p\b[^>]*>/gi, '\n\n')
    .replace(/<\/(p|li|blockquote|h[1-6])\s*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '')
    .replace(/<[^>]*>/g, '');
  return decodeEntities(text)
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

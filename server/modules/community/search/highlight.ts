/**
 * ts_headline marks matches with these two control characters (private-use ones are not accepted
 * by its option parser) instead of HTML: the snippet
 * is escaped as plain text and only then are they turned into <mark> and </mark>, so nothing a
 * post contains can become markup. They are removed from the text before ts_headline sees it.
 */
export const MARK_START = '\u0001';
export const MARK_STOP = '\u0002';
export const HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_STOP}", MaxWords=35, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
export const TITLE_HEADLINE_OPTIONS = `StartSel="${MARK_START}", StopSel="${MARK_STOP}", HighlightAll=true`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A headline as HTML where only <mark> survives; unbalanced marks are closed or dropped. */
export function highlightHtml(headline: string): string {
  let open = false;
  let out = '';
  for (const ch of headline) {
    if (ch === MARK_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (ch === MARK_STOP) {
      if (open) out += '</mark>';
      open = false;
    } else out += ESCAPES[ch] ?? ch;
  }
  return open ? `${out}</mark>` : out;
}

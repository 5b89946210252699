import { Parser } from 'htmlparser2';
import { renderMarkdown, sanitizeRendered } from '../markdown';

const BLOCKS = new Set(['p', 'div', 'pre', 'blockquote', 'ul', 'ol', 'table', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

/**
 * A Stack Exchange body (HTML) as readable Markdown-like text for `body_source` (and for the
 * search index): paragraphs, list items, quotes, inline code and links kept; everything else text.
 */
export function seHtmlToText(html: string): string {
  let out = '';
  let href: string | null = null;
  let inPre = 0;
  let quote = 0;
  /** Appends inline text, opening the line with quote markers (and code indent) when it starts one. */
  const put = (piece: string) => {
    if (!out.length || out.endsWith('\n')) out += (quote ? '> '.repeat(quote) : '') + (inPre ? '    ' : '');
    out += piece;
  };
  const newline = (n = 2) => {
    out = out.replace(/[ \t]+$/, '');
    const have = /\n*$/.exec(out)![0].length;
    if (out.length && have < n) out += '\n'.repeat(n - have);
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (BLOCKS.has(name)) newline();
        if (name === 'br') newline(1);
        if (name === 'li') {
          newline(1);
          put('- ');
        }
        if (name === 'blockquote') quote++;
        if (name === 'pre') inPre++;
        if (name === 'code' && !inPre) put('`');
        if (name === 'strong' || name === 'b') put('**');
        if (name === 'em' || name === 'i') put('*');
        if (name === 'a') {
          href = attrs.href ?? null;
          put('[');
        }
        if (name === 'img') put(`![${attrs.alt ?? ''}](${attrs.src ?? ''})`);
      },
      onclosetag(name) {
        if (name === 'code' && !inPre) put('`');
        if (name === 'strong' || name === 'b') put('**');
        if (name === 'em' || name === 'i') put('*');
        if (name === 'a') {
          out += href ? `](${href})` : ']';
          href = null;
        }
        if (name === 'pre') inPre--;
        if (name === 'blockquote') quote--;
        if (BLOCKS.has(name)) newline();
      },
      ontext(text) {
        const atLineStart = !out.length || out.endsWith('\n');
        let piece = inPre ? text.replace(/\n/g, '\n    ') : text.replace(/\s+/g, ' ');
        if (atLineStart && !inPre) piece = piece.trimStart();
        if (piece) put(piece);
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out.replace(/\n{3,}/g, '\n\n').trim();
}

/** An SE post body: HTML through the community sanitizer (the same allowlist as our Markdown). */
export function seBody(html: string) {
  return { bodySource: seHtmlToText(html), bodyHtml: sanitizeRendered(html) };
}

/** SE comments are a mini-Markdown (links, `code`, *em*, **strong**): rendered like our posts. */
export function seComment(text: string) {
  return { bodySource: text, bodyHtml: renderMarkdown(text) };
}

/** "<a><b>" (older dumps) or "|a|b|" (newer ones). */
export function seTags(raw: string | undefined): string[] {
  if (!raw) return [];
  const parts = raw.startsWith('<') ? raw.slice(1, -1).split('><') : raw.split('|');
  return parts.map((t) => t.trim()).filter(Boolean);
}

/** SE timestamps carry no zone; they are UTC. */
export function seDate(raw: string | undefined): Date | null {
  if (!raw) return null;
  const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

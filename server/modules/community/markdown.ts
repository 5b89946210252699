import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

/**
 * Community Markdown, rendered once on the server when a post is written (docs/adr/0007).
 * Two layers: markdown-it with raw HTML off escapes every tag the writer types and refuses
 * javascript:/vbscript:/data: link targets; sanitize-html then keeps only the tags Markdown
 * itself produces, so a future markdown-it option or plugin cannot let hostile markup through.
 */
const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false })
  // Images come with media storage (not in this slice); until then ![alt](url) stays a plain link.
  .disable(['image']);

const ALLOWED_TAGS = ['p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'], th: ['style'], td: ['style'] },
  // Table alignment is the only style Markdown writes.
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links written by members earn no ranking credit and get no handle on the opening page.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener noreferrer' }),
  },
};

/** The second layer alone: keeps Markdown's own tags and safe link targets from any HTML. */
export function sanitizeRendered(html: string): string {
  return sanitizeHtml(html, SANITIZE).trim();
}

/** Markdown → the HTML every reader is shown. */
export function renderMarkdown(source: string): string {
  return sanitizeRendered(md.render(source));
}

import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { OWN_IMAGE_PATH } from './images';

/**
 * Community Markdown, rendered once on the server when a post is written (docs/adr/0007).
 * Two layers: markdown-it with raw HTML off escapes every tag the writer types and refuses
 * javascript:/vbscript:/data: link targets; sanitize-html then keeps only the tags Markdown
 * itself produces, so a future markdown-it option or plugin cannot let hostile markup through.
 */
const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });

/** An image of our own, as the caller resolved it: its root-relative address and size. */
export interface OwnImage {
  src: string;
  width: number;
  height: number;
}
interface RenderEnv {
  ownImage?: (src: string) => OwnImage | null;
}

const escape = (s: string) => md.utils.escapeHtml(s);

// `![alt](src)` shows an image only when it is one of this community's uploads (the caller decides);
// anything else stays a link to it, with the alt text as its words: no hot-linking from public pages.
md.renderer.rules.image = (tokens, idx, options, env) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  const alt = md.renderer.renderInlineAsText(token.children ?? [], options, env);
  const own = (env as RenderEnv | undefined)?.ownImage?.(src);
  if (own) return `<img src="${escape(own.src)}" alt="${escape(alt)}" width="${own.width}" height="${own.height}">`;
  return `<a href="${escape(src)}">${escape(alt || src)}</a>`;
};

const ALLOWED_TAGS = ['p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
const DIMENSION = /^\d{1,5}$/;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  // Images: never srcset, sizes, style or event handlers; only our own address.
  allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'width', 'height'], ol: ['start'], th: ['style'], td: ['style'] },
  // Table alignment is the only style Markdown writes.
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // An <img> whatever produced it is dropped unless it points at a community image on this server.
  exclusiveFilter: (frame) => frame.tag === 'img' && !OWN_IMAGE_PATH.test(frame.attribs.src ?? ''),
  transformTags: {
    // Links written by members earn no ranking credit and get no handle on the opening page.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener noreferrer' }),
    img: (tagName, attribs) => {
      const clean: Record<string, string> = {};
      if (attribs.src) clean.src = attribs.src;
      clean.alt = attribs.alt ?? '';
      if (DIMENSION.test(attribs.width ?? '')) clean.width = attribs.width!;
      if (DIMENSION.test(attribs.height ?? '')) clean.height = attribs.height!;
      return { tagName, attribs: clean };
    },
  },
};

/** The second layer alone: keeps Markdown's own tags, safe link targets and our own images from any HTML. */
export function sanitizeRendered(html: string): string {
  return sanitizeHtml(html, SANITIZE).trim();
}

/**
 * Markdown → the HTML every reader is shown. `ownImage` says which image addresses are this
 * community's uploads (and their sizes); without it, image syntax renders as links.
 */
export function renderMarkdown(source: string, opts: RenderEnv = {}): string {
  return sanitizeRendered(md.render(source, { ...(opts.ownImage && { ownImage: opts.ownImage }) }));
}

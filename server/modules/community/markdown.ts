import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { OWN_IMAGE_PATH } from './images';
import { memberProfilePath } from './paths';

/**
 * Community Markdown, rendered once on the server when a post is written (docs/adr/0007).
 * Two layers: markdown-it with raw HTML off escapes every tag the writer types and refuses
 * javascript:/vbscript:/data: link targets; sanitize-html then keeps only the tags Markdown
 * itself produces, so a future markdown-it option or plugin cannot let hostile markup through.
 */
const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false });

/**
 * `@handle` in running text (not in code, not inside a link, not in an email address). Handles are
 * lower case; "@Giulia_Rossi" names the same member as "@giulia_rossi".
 */
const MENTION = /(^|[^\p{L}\p{N}_@./+-])@([a-z0-9_]{1,40})(?![a-z0-9_])/giu;


interface MentionEnv {
  [key: string | symbol]: unknown;
  /** Handles found in the text (lower case), filled while rendering. */
  found: Set<string>;
  /** Known members by handle: those become links; others stay text. */
  members?: ReadonlyMap<string, string>;
  communityId?: string;
  /** Which image addresses are this community's uploads (and their sizes). */
  ownImage?: (src: string) => OwnImage | null;
}

// After linkify, so addresses and URLs are links already (and skipped as "inside a link").
md.core.ruler.after('linkify', 'mentions', (state) => {
  const env = state.env as Partial<MentionEnv>;
  if (!env.found) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: typeof block.children = [];
    let inLink = 0;
    for (const tok of block.children) {
      if (tok.type === 'link_open') inLink++;
      if (tok.type === 'link_close') inLink--;
      if (tok.type !== 'text' || inLink > 0 || !tok.content.includes('@')) {
        out.push(tok);
        continue;
      }
      let last = 0;
      for (const m of tok.content.matchAll(MENTION)) {
        const handle = m[2]!.toLowerCase();
        env.found.add(handle);
        const memberId = env.members?.get(handle);
        if (!memberId || !env.communityId) continue;
        const at = m.index! + m[1]!.length;
        const before = new state.Token('text', '', 0);
        before.content = tok.content.slice(last, at);
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [['href', memberProfilePath(env.communityId, memberId)], ['class', 'mention']];
        const label = new state.Token('text', '', 0);
        label.content = `@${handle}`;
        out.push(before, open, label, new state.Token('link_close', 'a', -1));
        last = at + 1 + m[2]!.length;
      }
      if (last === 0) out.push(tok);
      else {
        const rest = new state.Token('text', '', 0);
        rest.content = tok.content.slice(last);
        out.push(rest);
      }
    }
    block.children = out;
  }
});

/** An image of our own, as the caller resolved it: its root-relative address and size. */
export interface OwnImage {
  src: string;
  width: number;
  height: number;
}

const escape = (s: string) => md.utils.escapeHtml(s);

// `![alt](src)` shows an image only when it is one of this community's uploads (the caller decides);
// anything else stays a link to it, with the alt text as its words: no hot-linking from public pages.
md.renderer.rules.image = (tokens, idx, options, env) => {
  const token = tokens[idx]!;
  const src = String(token.attrGet('src') ?? '');
  const alt = md.renderer.renderInlineAsText(token.children ?? [], options, env);
  const own = (env as Partial<MentionEnv> | undefined)?.ownImage?.(src);
  if (own) return `<img src="${escape(own.src)}" alt="${escape(alt)}" width="${own.width}" height="${own.height}">`;
  return `<a href="${escape(src)}">${escape(alt || src)}</a>`;
};

const ALLOWED_TAGS = ['p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'img', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
const DIMENSION = /^\d{1,5}$/;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  // Images: never srcset, sizes, style or event handlers; only our own address.
  allowedAttributes: { a: ['href', 'title', 'rel', 'class'], img: ['src', 'alt', 'width', 'height'], ol: ['start'], th: ['style'], td: ['style'] },
  // Table alignment is the only style Markdown writes.
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedClasses: { a: ['mention'] },
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
 * Markdown → the HTML every reader is shown. With `communityId` and `members`, `@handle` of a known
 * member becomes a link to their profile (class "mention"); unknown handles stay text. `ownImage`
 * says which image addresses are this community's uploads (and their sizes); without it, image
 * syntax renders as links.
 */
export function renderMarkdown(source: string, opts: { communityId?: string; members?: ReadonlyMap<string, string>; ownImage?: (src: string) => OwnImage | null } = {}): string {
  const env: MentionEnv = { found: new Set(), members: opts.members, communityId: opts.communityId, ...(opts.ownImage && { ownImage: opts.ownImage }) };
  return sanitizeRendered(md.render(source, env));
}

/** The handles a text @mentions (lower case, each once), outside code and links. */
export function mentionedHandles(source: string): string[] {
  const env: MentionEnv = { found: new Set() };
  md.parse(source, env);
  return [...env.found];
}

import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { memberProfilePath } from './paths';

/**
 * Community Markdown, rendered once on the server when a post is written (docs/adr/0007).
 * Two layers: markdown-it with raw HTML off escapes every tag the writer types and refuses
 * javascript:/vbscript:/data: link targets; sanitize-html then keeps only the tags Markdown
 * itself produces, so a future markdown-it option or plugin cannot let hostile markup through.
 */
const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true, typographer: false })
  // Images come with media storage (not in this slice); until then ![alt](url) stays a plain link.
  .disable(['image']);

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

const ALLOWED_TAGS = ['p', 'br', 'hr', 'strong', 'em', 's', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title', 'rel', 'class'], ol: ['start'], th: ['style'], td: ['style'] },
  // Table alignment is the only style Markdown writes.
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedClasses: { a: ['mention'] },
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

/**
 * Markdown → the HTML every reader is shown. With `mentions`, `@handle` of a known member becomes a
 * link to their profile (class "mention"); unknown handles stay text.
 */
export function renderMarkdown(source: string, mentions?: { communityId: string; members: ReadonlyMap<string, string> }): string {
  const env: MentionEnv = { found: new Set(), members: mentions?.members, communityId: mentions?.communityId };
  return sanitizeRendered(md.render(source, env));
}

/** The handles a text @mentions (lower case, each once), outside code and links. */
export function mentionedHandles(source: string): string[] {
  const env: MentionEnv = { found: new Set() };
  md.parse(source, env);
  return [...env.found];
}

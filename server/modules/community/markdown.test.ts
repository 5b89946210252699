import { describe, expect, it } from 'vitest';
import { mentionedHandles, renderMarkdown, sanitizeRendered } from './markdown';

/** Both layers of community Markdown on their own (the HTTP tests cover posting, editing and reading). */
describe('renderMarkdown', () => {
  it('escapes typed HTML instead of interpreting it', () => {
    expect(renderMarkdown('<b>bold?</b> <script>alert(1)</script>')).toBe('<p>&lt;b&gt;bold?&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('turns links with unsafe schemes into plain text', () => {
    for (const target of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'vbscript:x', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd']) {
      expect(renderMarkdown(`[x](${target})`), target).not.toContain('href');
    }
    expect(renderMarkdown('[x](https://ok.example) [m](mailto:a@b.example)')).toBe(
      '<p><a href="https://ok.example" rel="nofollow ugc noopener noreferrer">x</a> <a href="mailto:a@b.example" rel="nofollow ugc noopener noreferrer">m</a></p>',
    );
  });

  it('shows an image only for an address the caller vouches for; anything else is a link', () => {
    const own = '/api/communities/11111111-1111-4111-8111-111111111111/images/22222222-2222-4222-8222-222222222222';
    const ownImage = (src: string) => (src === own ? { src, width: 800, height: 600 } : null);
    expect(renderMarkdown(`![a "cat"](${own})`, { ownImage })).toBe(`<p><img src="${own}" alt="a &quot;cat&quot;" width="800" height="600" /></p>`);
    expect(renderMarkdown('![cat](https://img.example/cat.png)', { ownImage })).toBe('<p><a href="https://img.example/cat.png" rel="nofollow ugc noopener noreferrer">cat</a></p>');
    expect(renderMarkdown(`![cat](${own})`)).not.toContain('<img');
    expect(renderMarkdown('![x](javascript:alert(1))', { ownImage: () => ({ src: 'javascript:alert(1)', width: 1, height: 1 }) })).not.toMatch(/<img|href/);
  });
});

describe('sanitizeRendered (the layer behind markdown-it)', () => {
  it('drops elements and attributes Markdown never writes, whatever produced them', () => {
    const out = sanitizeRendered(
      '<p onclick="x()">a<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)></svg><iframe src="//e"></iframe><style>*{}</style></p><a href="javascript:alert(1)">j</a><a href="//evil.example">p</a><div style="position:fixed">d</div>',
    );
    expect(out).toBe('<p>a</p><a rel="nofollow ugc noopener noreferrer">j</a><a rel="nofollow ugc noopener noreferrer">p</a>d');
  });

  it('keeps an <img> only at our image path, with alt, src and numeric width/height', () => {
    const own = '/api/communities/11111111-1111-4111-8111-111111111111/images/22222222-2222-4222-8222-222222222222';
    const out = sanitizeRendered(
      `<img src="${own}" srcset="https://e.example/x.png 2x" sizes="1px" onerror="x()" style="position:fixed" width="10" height="9px" title="t"><img src="https://evil.example/x.png"><img src="//evil.example${own}"><img src="javascript:${own}"><img src="${own}?x=1">`,
    );
    expect(out).toBe(`<img src="${own}" alt="" width="10" />`);
  });
});

describe('mentions', () => {
  const members = new Map([
    ['giulia_rossi', '11111111-1111-4111-8111-111111111111'],
    ['anna', '22222222-2222-4222-8222-222222222222'],
  ]);
  const opts = { communityId: 'c0ffee00-0000-4000-8000-000000000000', members };

  it('finds @handles in running text only: not in code, links or email addresses', () => {
    expect(mentionedHandles('Hi @Giulia_Rossi, @anna. `@code` [@inlink](https://e.test) a@b.test x@y\n\n    @block')).toEqual(['giulia_rossi', 'anna']);
  });

  it('links known handles to the profile and leaves unknown ones as text', () => {
    const html = renderMarkdown('Thanks @ANNA and @stranger!', opts);
    expect(html).toBe(`<p>Thanks <a href="/c/${opts.communityId}/u/${members.get('anna')}" class="mention" rel="nofollow ugc noopener noreferrer">@anna</a> and @stranger!</p>`);
  });

  it('keeps the class only for mentions: a typed class attribute cannot arrive', () => {
    expect(sanitizeRendered('<a href="https://e.test" class="mention evil">x</a>')).toBe('<a href="https://e.test" class="mention" rel="nofollow ugc noopener noreferrer">x</a>');
    expect(renderMarkdown('<a class="mention" href="/x">@anna</a>')).not.toContain('<a');
  });
});

import { describe, expect, it } from 'vitest';
import { renderMarkdown, sanitizeRendered } from './markdown';

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

  it('shows image syntax as text until images come with media storage', () => {
    expect(renderMarkdown('![cat](https://img.example/cat.png)')).not.toContain('<img');
  });
});

describe('sanitizeRendered (the layer behind markdown-it)', () => {
  it('drops elements and attributes Markdown never writes, whatever produced them', () => {
    const out = sanitizeRendered(
      '<p onclick="x()">a<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)></svg><iframe src="//e"></iframe><style>*{}</style></p><a href="javascript:alert(1)">j</a><a href="//evil.example">p</a><div style="position:fixed">d</div>',
    );
    expect(out).toBe('<p>a</p><a rel="nofollow ugc noopener noreferrer">j</a><a rel="nofollow ugc noopener noreferrer">p</a>d');
  });
});

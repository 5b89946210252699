import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDumpRows } from './dumpReader';
import { seHtmlToText, seTags } from './seText';

const dir = mkdtempSync(join(tmpdir(), 'tandem-dump-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(text: string, root = 'posts') {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, text);
  const rows = [];
  for await (const batch of readDumpRows(file, root)) rows.push(...batch);
  return rows;
}
const HEAD = '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n';

describe('the dump reader', () => {
  it('streams rows with their line numbers and decoded attributes', async () => {
    const rows = await read(`${HEAD}<posts>\n  <row Id="1" Body="&lt;p&gt;Caff&#xE8; &amp; bici&lt;/p&gt;&#xA;" />\n\n  <row Id="2" Title="Two" />\n</posts>\n`);
    expect(rows.map((r) => [r.line, r.attrs.Id])).toEqual([
      [3, '1'],
      [5, '2'],
    ]);
    expect(rows[0]!.attrs.Body).toBe('<p>Caffè & bici</p>\n');
  });

  it('refuses malformed files with the line of the problem', async () => {
    await expect(read(`${HEAD}<posts>\n  <row Id="1" />\n  <row Id="2" Body="cut off`)).rejects.toThrow(/line 4: the file ends before <\/posts> closes it/);
    await expect(read(`${HEAD}<posts>\n  <row Id="1">\n  <row Id="2" />\n  </row>\n</posts>`)).rejects.toThrow(/line 4: unexpected <row> inside a row/);
    await expect(read(`${HEAD}<users>\n</users>`)).rejects.toThrow(/line 2: expected the root element <posts>, found <users>/);
    await expect(read(`${HEAD}<posts>\n<row Id="x" />\n</posts>`)).rejects.toThrow(/\.xml line 3: a row without a numeric Id/);
    await expect(read(`${HEAD}<posts>\n<row Id="1" />\nstray text\n</posts>`)).rejects.toThrow(/unexpected text "stray text"/);
    await expect(read('')).rejects.toThrow(/no <posts> element/);
  });

  it('counts lines across chunk boundaries', async () => {
    const body = 'x'.repeat(300_000);
    const rows = await read(`${HEAD}<posts>\n<row Id="1" Body="${body}" />\n<row Id="2" />\n<row Id="3" Body="${body}" />\n<row Id="4" />\n</posts>\n`);
    expect(rows.map((r) => r.line)).toEqual([3, 4, 5, 6]);
  });
});

describe('Stack Exchange text', () => {
  it('turns post HTML into readable Markdown-like text', () => {
    expect(seHtmlToText('<blockquote><p><strong>Possible Duplicate:</strong><br><a href="https://x.test/q/1">Other</a></p></blockquote><p>A &amp; <code>b&lt;c</code></p><ul><li>one</li><li>two</li></ul><pre><code>x = 1\ny = 2</code></pre>')).toBe(
      '> **Possible Duplicate:**\n> [Other](https://x.test/q/1)\n\nA & `b<c`\n\n- one\n- two\n\n    x = 1\n    y = 2',
    );
  });
  it('reads both tag formats', () => {
    expect(seTags('<discussion><on-topic>')).toEqual(['discussion', 'on-topic']);
    expect(seTags('|bug|status-completed|')).toEqual(['bug', 'status-completed']);
    expect(seTags(undefined)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { excerpt, mentionsIn } from './mentions';

const members = [
  { userId: 'g', name: 'Giulia Rossi', handle: 'giulia.rossi' },
  { userId: 'm', name: 'Marco', handle: 'marco' },
];

describe('mentionsIn', () => {
  it('finds @handles case-insensitively, each member once, ignoring trailing punctuation', () => {
    expect(mentionsIn('@Giulia.Rossi, look. cc @marco. and @giulia.rossi again', members).map((m) => m.userId)).toEqual(['g', 'm']);
  });

  it('does not read an email address or an unknown handle as a mention', () => {
    expect(mentionsIn('write to marco@example.com or @nobody', members)).toEqual([]);
  });
});

describe('excerpt', () => {
  it('keeps one line and cuts long text with an ellipsis', () => {
    expect(excerpt('a\n\n b  c')).toBe('a b c');
    expect(excerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

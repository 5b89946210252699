import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it('makes a valid space slug from a name', () => {
    expect(slugify('Ask the baristas!')).toBe('ask-the-baristas');
    expect(slugify('Caffè & Chiacchiere')).toBe('caffe-chiacchiere');
    expect(slugify('  --Già  pronti?--  ')).toBe('gia-pronti');
    expect(slugify('!!!')).toBe('');
  });

  it('keeps the slug under 60 characters without a trailing dash', () => {
    const s = slugify(`${'a'.repeat(59)} b`);
    expect(s).toBe('a'.repeat(59));
    expect(slugify('word '.repeat(30)).length).toBeLessThanOrEqual(60);
    expect(slugify('word '.repeat(30))).not.toMatch(/-$/);
  });
});

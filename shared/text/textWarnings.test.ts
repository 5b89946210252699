import { describe, expect, it } from 'vitest';
import { TEXT_WARNING_CODES, textWarnings } from './index';

describe('textWarnings', () => {
  it('warns above the hashtag threshold, counting repeats', () => {
    expect(textWarnings('#a #b #c #a #d #e', { maxHashtags: 5 })).toEqual([{ code: 'too_many_hashtags', count: 6, max: 5 }]);
  });

  it('is silent at the threshold and without one', () => {
    expect(textWarnings('#a #b #c #d #e', { maxHashtags: 5 })).toEqual([]);
    expect(textWarnings('#a #b #c #d #e #f')).toEqual([]);
  });

  it('treats a threshold of 0 as "no hashtags"', () => {
    expect(textWarnings('one #tag', { maxHashtags: 0 })).toEqual([{ code: 'too_many_hashtags', count: 1, max: 0 }]);
  });

  it('exports every code it produces', () => {
    expect(TEXT_WARNING_CODES).toEqual(['too_many_hashtags']);
  });
});

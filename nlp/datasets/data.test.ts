import { expect, it } from 'vitest';
import { describeWithSharedData } from './describeWithSharedData';
import { sharedDataDir } from './paths';
import { loadTweetEval } from './tweeteval';
import { loadXlmt, XLMT_LANGS } from './xlmt';
import { readSplit, type Split } from './readSplit';

// The data sets live beside the repository, not in it (see describeWithSharedData).
describeWithSharedData('nlp data loaders', () => {
  it('loads every XLM-T language, balanced, as SOURCE.md counts it', () => {
    for (const lang of XLMT_LANGS) {
      const train = loadXlmt(lang, 'train');
      const val = loadXlmt(lang, 'val');
      expect([lang, train.texts.length, val.texts.length]).toEqual([lang, 1839, 324]);
      for (const label of [0, 1, 2]) expect(val.labels.filter((l) => l === label)).toHaveLength(108);
    }
  });

  it('loads the TweetEval tasks we use, with the sizes SOURCE.md gives', () => {
    expect(loadTweetEval('hate', 'train').texts).toHaveLength(9000);
    expect(loadTweetEval('hate', 'val').labels.filter((l) => l === 1)).toHaveLength(427);
    expect(loadTweetEval('offensive', 'train').texts).toHaveLength(11916);
    expect(loadTweetEval('offensive', 'val').labels.filter((l) => l === 1)).toHaveLength(459);
    const sentiment = loadTweetEval('sentiment', 'val');
    expect(sentiment.texts).toHaveLength(2000);
    // The trailing space TweetEval leaves on each line is gone.
    expect(sentiment.texts.every((t) => t === t.trimEnd())).toBe(true);
  });

  it('says why TweetEval sentiment has no train split', () => {
    expect(() => loadTweetEval('sentiment', 'train')).toThrow(/no train text/);
  });

  it('refuses to read a test split', () => {
    expect(() => readSplit(`${sharedDataDir}/tweeteval/hate`, 'test' as Split, 2)).toThrow(/only train and val/);
  });
});

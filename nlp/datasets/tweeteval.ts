// TweetEval (../shared/data/tweeteval/SOURCE.md), English only. Label meanings come from each
// task's mapping.txt; they are repeated here so scripts need not parse it.
import { join } from 'node:path';
import { sharedDataDir } from './paths';
import { readSplit, type LabelledTexts, type Split } from './readSplit';

export const TWEETEVAL_LABELS = {
  sentiment: ['negative', 'neutral', 'positive'],
  offensive: ['not-offensive', 'offensive'],
  hate: ['not-hate', 'hate'],
} as const;

export type TweetEvalTask = keyof typeof TWEETEVAL_LABELS;

export function loadTweetEval(task: TweetEvalTask, split: Split, root = sharedDataDir): LabelledTexts {
  // The shared copy lacks sentiment/train_text.txt (over the snapshot's size limit), so say that
  // plainly instead of failing on a missing file deep inside readFileSync.
  if (task === 'sentiment' && split === 'train') {
    throw new Error('tweeteval sentiment has no train text in ../shared/data (see its SOURCE.md); use val or XLM-T english');
  }
  return readSplit(join(root, 'tweeteval', task), split, TWEETEVAL_LABELS[task].length);
}

// XLM-T / UMSAB multilingual tweet sentiment (../shared/data/xlm-t-sentiment/SOURCE.md):
// 0 negative, 1 neutral, 2 positive; every language is balanced (1,839 train, 324 val).
import { join } from 'node:path';
import { sharedDataDir } from './paths';
import { readSplit, type LabelledTexts, type Split } from './readSplit';

// The data set names its folders in English; the library speaks ISO 639-1 everywhere else.
export const XLMT_FOLDERS = {
  ar: 'arabic',
  de: 'german',
  en: 'english',
  es: 'spanish',
  fr: 'french',
  hi: 'hindi',
  it: 'italian',
  pt: 'portuguese',
} as const;

export type XlmtLang = keyof typeof XLMT_FOLDERS;

export const XLMT_LANGS = Object.keys(XLMT_FOLDERS) as XlmtLang[];

export const SENTIMENT_LABELS = ['negative', 'neutral', 'positive'] as const;

export function loadXlmt(lang: XlmtLang, split: Split, root = sharedDataDir): LabelledTexts {
  return readSplit(join(root, 'xlm-t-sentiment', XLMT_FOLDERS[lang]), split, SENTIMENT_LABELS.length);
}

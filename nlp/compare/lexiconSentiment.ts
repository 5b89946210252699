// Lexicon sentiment from the registry. Both give a signed score; each package's own vote is its
// sign (zero is neutral). Lexicons rarely score exactly zero, so run.ts also tries a neutral band
// |score| <= t with t chosen on the TRAIN split, which is fair to the package and still leaves
// the validation split unseen.
import Sentiment from 'sentiment';
import { containerBootstrap } from '@nlpjs/core';
import { SentimentAnalyzer } from '@nlpjs/sentiment';
import { LangEn } from '@nlpjs/lang-en';
import { LangIt } from '@nlpjs/lang-it';
import { LangEs } from '@nlpjs/lang-es';

export type SentimentLang = 'en' | 'it' | 'es';

export interface LexiconScorer {
  name: string;
  pkg: string;
  langs: readonly SentimentLang[];
  /** signed polarity: < 0 negative, > 0 positive */
  score(text: string, lang: SentimentLang): Promise<number>;
}

/** 0 negative, 1 neutral, 2 positive, as in the data sets */
export const labelFromScore = (score: number, neutralBand = 0) => (score < -neutralBand ? 0 : score > neutralBand ? 2 : 1);

export async function lexiconScorers(): Promise<LexiconScorer[]> {
  // AFINN-165 ships English only; other languages would need our own word lists.
  const afinn = new Sentiment();
  const container = await containerBootstrap();
  for (const lang of [LangEn, LangIt, LangEs]) container.use(lang);
  const nlpjs = new SentimentAnalyzer({ container });
  return [
    { name: 'sentiment (AFINN-165)', pkg: 'sentiment', langs: ['en'], score: async (t) => afinn.analyze(t).score },
    {
      name: '@nlpjs/sentiment',
      pkg: '@nlpjs/sentiment',
      langs: ['en', 'it', 'es'],
      score: async (t, lang) => (await nlpjs.process({ locale: lang, text: t })).sentiment.score,
    },
  ];
}

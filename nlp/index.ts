// nlp: language detection, sentiment and toxicity for short social texts, offline and in-process.
// See MODEL_CARD.md for the data, the method and the scores.
export { analyze, type Analysis, type AnalyzeOptions } from './analyze';
export { detectLanguage, type Language, type LanguageGuess } from './language';
export { analyzeSentiment, type SentimentLabel, type SentimentResult } from './sentiment';
export { analyzeToxicity, type ToxicityLabel, type ToxicityResult } from './toxicity';
export { normalizeText, tokenize } from './normalize';

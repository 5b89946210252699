// Loaders for scripts and tests only; the runtime library must not import this folder.
// (Named datasets/, not data/: the repository ignores every data/ folder, meant for the embedded database.)
export { sharedDataDir, hasSharedData } from './paths';
export { readSplit, type Split, type LabelledTexts } from './readSplit';
export { loadXlmt, XLMT_LANGS, XLMT_FOLDERS, SENTIMENT_LABELS, type XlmtLang } from './xlmt';
export { loadTweetEval, TWEETEVAL_LABELS, type TweetEvalTask } from './tweeteval';

// The library's one-call surface: language, sentiment and toxicity of a text, in the shape the
// `tandem nlp analyze` command prints (one JSON object per line).
import { textView } from './features/textView';
import { detectLanguage, type Language } from './language';
import { analyzeSentiment, type SentimentResult } from './sentiment';
import { analyzeToxicity, type ToxicityResult } from './toxicity';

export interface Analysis {
  lang: Language;
  sentiment: SentimentResult;
  toxicity: ToxicityResult;
}

export interface AnalyzeOptions {
  /** the language when the source already knows it (e.g. the network says so) */
  lang?: Language;
}

export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  const view = textView(text);
  const lang = options.lang ?? detectLanguage(view).lang;
  return { lang, sentiment: analyzeSentiment(view, lang), toxicity: analyzeToxicity(view, lang) };
}

import type { InboundItem } from '../../../connectors/types';
import { analyze, type Language } from '../../../nlp';

const OUR_LANGUAGES = new Set<string>(['en', 'it', 'es', 'fr', 'de', 'pt', 'ar']);

/**
 * Language, sentiment and toxicity, computed once when the item arrives (tens of microseconds, in
 * process). A language the network states ("it", "en-GB") is trusted over detection.
 */
export function inboundAnalysis(item: Pick<InboundItem, 'text'> & { language?: string | null }) {
  const stated = item.language?.toLowerCase().split(/[-_]/)[0];
  const a = analyze(item.text, stated && OUR_LANGUAGES.has(stated) ? { lang: stated as Language } : {});
  return {
    detectedLanguage: a.lang,
    sentiment: a.sentiment.label,
    sentimentScores: a.sentiment.scores,
    toxicity: a.toxicity.score,
    toxicityLabel: a.toxicity.label,
    toxicityReasons: a.toxicity.reasons ?? [],
  };
}

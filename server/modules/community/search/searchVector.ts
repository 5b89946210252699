import { sql, type SQL } from 'drizzle-orm';
import { detectLanguage } from '../../../../nlp';

/**
 * Which text search configuration a post is indexed with. Migration 0011 creates the tandem_*
 * copies (accent-folding where unaccent exists); languages without a stemmer here use `simple`.
 */
export const SEARCH_CONFIGS = { en: 'tandem_english', it: 'tandem_italian', es: 'tandem_spanish', other: 'tandem_simple' } as const;
export type SearchLanguage = keyof typeof SEARCH_CONFIGS;
export const SEARCH_LANGUAGES = Object.keys(SEARCH_CONFIGS) as SearchLanguage[];

export function searchConfigOf(language: string): (typeof SEARCH_CONFIGS)[SearchLanguage] {
  return SEARCH_CONFIGS[(language in SEARCH_CONFIGS ? language : 'other') as SearchLanguage];
}

/** Below this the detector's guess on a short post ("Ok! Sì" reads as German at 0.54) is noise. */
const TRUSTED_CONFIDENCE = 0.6;

/** The post's language: detected from its text when the detector is sure enough, else the space's default. */
export function postLanguage(text: string, spaceDefault: string): string {
  const guess = detectLanguage(text);
  return guess.lang !== 'unknown' && guess.confidence >= TRUSTED_CONFIDENCE ? guess.lang : spaceDefault;
}

/** The document of a post: its thread's title (opening posts) weighs more than its body. */
export function searchVectorSql(language: string, title: string | null, body: string): SQL {
  const cfg = sql.raw(`'${searchConfigOf(language)}'::regconfig`);
  return sql`setweight(to_tsvector(${cfg}, ${title ?? ''}), 'A') || setweight(to_tsvector(${cfg}, ${body}), 'B')`;
}

/** The two search columns of a post written now: its language and its document. */
export function postSearchColumns(title: string | null, body: string, spaceDefault: string) {
  const language = postLanguage(`${title ?? ''}\n${body}`, spaceDefault);
  return { language, searchVector: searchVectorSql(language, title, body) };
}

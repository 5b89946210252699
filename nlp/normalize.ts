// One cleaning step shared by language detection, sentiment and toxicity, so the models are
// trained on exactly what they will see in the product. It removes what carries no language
// (URLs, @mentions, retweet markers), keeps what carries sentiment (hashtag words, emoji,
// emphasis) in a bounded form, and does not lowercase: case is each model's own choice.

// XLM-T replaced some links by a bare "http"; real posts have full URLs or "www." forms.
const URL = /\b(?:https?:\/\/|www\.)\S+|\bhttps?\b(?![:/])/giu;
// \p{L}\p{N}_ covers accented Italian and Spanish handles, not only ASCII ones.
const MENTION = /(^|[^\p{L}\p{N}_])@[\p{L}\p{N}_]+/gu;
// The colon belongs to the retweet marker ("RT @user: …"), so it goes with it.
const RETWEET = /^\s*RT\b(?:\s+@[\p{L}\p{N}_]+)?:?/u;
// "#NonMiPiace" keeps its word: hashtags often are the sentiment-bearing part of a post.
const HASHTAG = /(^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;
// A whole emoji (skin tones, variation selectors, ZWJ families, flags) must stay one token,
// so it is matched as a sequence and set apart from the words glued to it.
const EMOJI = /(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?)*)/gu;
// Three or more of the same letter become two: "bellissimooo" and "bellissimoooooo" then share
// one form that still differs from the plain word, so emphasis survives as a signal. Digits are
// left alone ("1000" is not an elongation).
const ELONGATION = /(\p{L})\1{2,}/gu;
// Emoji are never printable ASCII: such a text skips the emoji pass.
const NON_ASCII = /[^ -~]/;
const MAYBE_URL = /http|www\./i;
const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

export function normalizeText(text: string): string {
  return normalizeWithSignals(text).text;
}

/** normalizeText, also telling whether an elongation ("bellissimooo") was shortened. */
export function normalizeWithSignals(text: string): { text: string; elongated: boolean } {
  // Each pattern runs only when its marker character is present: most posts have no URL, mention
  // or entity, and skipping those passes keeps the analysis of a text within a few microseconds.
  let t = text.normalize('NFC');
  // Exported tweets keep HTML escapes; decoding them keeps "&amp;" from looking like a word.
  if (t.includes('&')) t = t.replace(/&(?:amp|lt|gt|quot|apos|#39);/g, (e) => ENTITIES[e] ?? e);
  if (t.includes('RT')) t = t.replace(RETWEET, ' ');
  if (MAYBE_URL.test(t)) t = t.replace(URL, ' ');
  if (t.includes('@')) t = t.replace(MENTION, '$1 ');
  if (t.includes('#')) t = t.replace(HASHTAG, '$1$2');
  if (NON_ASCII.test(t)) t = t.replace(EMOJI, (e) => ` ${e} `);
  let elongated = false;
  t = t.replace(ELONGATION, (_, letter: string) => {
    elongated = true;
    return letter + letter;
  });
  return { text: t.replace(/\s+/gu, ' ').trim(), elongated };
}

const TOKEN = new RegExp(`${EMOJI.source}|[\\p{L}\\p{N}\\p{M}]+(?:['’][\\p{L}]+)?|[!?]+`, 'gu');

/**
 * Lowercased words, whole emoji and runs of "!"/"?" (they carry emphasis and questions), in
 * order. Elided Italian forms ("l'ora", "dell'anno") stay one token, as do "don't"-style forms.
 */
export function tokenize(text: string): string[] {
  return (normalizeText(text).match(TOKEN) ?? []).map((t) => t.toLowerCase());
}

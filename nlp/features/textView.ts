// One pass over a text that every task shares: the normalised text, its tokens with their kind,
// and the few signals that normalisation removes (elongation, shouting). Built once per text.
import { normalizeText } from '../normalize';

export const enum TokenKind {
  Word = 0,
  Emoji = 1,
  /** a run of "!" or "?" */
  Emphasis = 2,
  /** , . ; : — ends a negation's scope, carries nothing else */
  Boundary = 3,
}

export interface TextView {
  normalized: string;
  tokens: string[];
  kinds: TokenKind[];
  /** "bellissimooo": three or more of a letter in the original */
  elongated: boolean;
  /** a word of 3+ letters written all in capitals in the original */
  shouting: boolean;
}

const EMOJI = /(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?)*)/u;
const TOKEN = new RegExp(`(${EMOJI.source})|([\\p{L}\\p{N}\\p{M}]+(?:['’][\\p{L}]+)?)|([!?¡¿]+)|([.,;:]+)`, 'gu');
const ELONGATED = /(\p{L})\1{2,}/u;
const SHOUTING = /(?:^|[^\p{L}])\p{Lu}{3,}(?:[^\p{L}]|$)/u;

export function textView(text: string): TextView {
  const normalized = normalizeText(text);
  const tokens: string[] = [];
  const kinds: TokenKind[] = [];
  for (const m of normalized.matchAll(TOKEN)) {
    if (m[1]) {
      tokens.push(m[1]);
      kinds.push(TokenKind.Emoji);
    } else if (m[2]) {
      tokens.push(m[2].toLowerCase().replace('’', "'"));
      kinds.push(TokenKind.Word);
    } else if (m[3]) {
      // "¡" and "¿" open what "!" and "?" close; one spelling keeps the features shared.
      tokens.push(m[3].replace(/¡/g, '!').replace(/¿/g, '?'));
      kinds.push(TokenKind.Emphasis);
    } else {
      tokens.push(',');
      kinds.push(TokenKind.Boundary);
    }
  }
  return { normalized, tokens, kinds, elongated: ELONGATED.test(text), shouting: SHOUTING.test(text) };
}

// One pass over a text that every task shares: the normalised text, its tokens with their kind,
// and the few signals that normalisation removes (elongation, shouting). Built once per text.
import { normalizeWithSignals } from '../normalize';

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
  /** "bellissimooo": three or more of a letter in the original (before normalisation shortened it) */
  elongated: boolean;
  /** a word of 3+ letters written all in capitals in the original */
  shouting: boolean;
}

const EMOJI = /(?:\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\uFE0F|\u200D\p{Extended_Pictographic}\uFE0F?)*)/u;
// Words first: they are most of a text, and the emoji alternative is the slowest to try.
const TOKEN = new RegExp(`([\\p{L}\\p{N}\\p{M}]+(?:['’][\\p{L}]+)?)|([!?¡¿]+)|([.,;:]+)|(${EMOJI.source})`, 'gu');

export function textView(text: string): TextView {
  const { text: normalized, elongated } = normalizeWithSignals(text);
  let shouting = false;
  const tokens: string[] = [];
  const kinds: TokenKind[] = [];
  for (const m of normalized.matchAll(TOKEN)) {
    if (m[4]) {
      tokens.push(m[4]);
      kinds.push(TokenKind.Emoji);
    } else if (m[1]) {
      const lower = m[1].toLowerCase();
      // Shouting: a word of 3+ letters all in capitals (checked only when it has a capital at all).
      if (!shouting && lower !== m[1] && m[1].length >= 3 && m[1] === m[1].toUpperCase() && /\p{L}{3}/u.test(m[1])) shouting = true;
      tokens.push(lower.includes('’') ? lower.replace('’', "'") : lower);
      kinds.push(TokenKind.Word);
    } else if (m[2]) {
      // "¡" and "¿" open what "!" and "?" close; one spelling keeps the features shared.
      tokens.push(m[2].replace(/¡/g, '!').replace(/¿/g, '?'));
      kinds.push(TokenKind.Emphasis);
    } else {
      tokens.push(',');
      kinds.push(TokenKind.Boundary);
    }
  }
  return { normalized, tokens, kinds, elongated, shouting };
}

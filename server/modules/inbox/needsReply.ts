/**
 * "Needs a reply", deliberately simple and explainable (docs/INBOX.md):
 * - a direct message or a direct mention of the account always asks for an answer;
 * - otherwise a text asks for one when it has a question mark (?, ¿, ？) or a sentence that opens
 *   with a question word in English, Italian or Spanish ("how", "come", "cómo"…); words that open
 *   exclamations as often as questions ("che", unaccented "que"/"como") are left out.
 * Items written by the channel's own account never need a reply.
 */
const QUESTION_WORDS = [
  // en
  'who', 'what', 'when', 'where', 'why', 'how', 'which', 'can', 'could', 'would', 'will', 'do', 'does', 'did', 'is', 'are', 'any',
  // it
  'chi', 'cosa', 'quando', 'dove', 'perché', 'perche', 'come', 'quanto', 'quanti', 'quale', 'quali', 'posso', 'potete', 'avete', 'sapete',
  // es
  'qué', 'quién', 'cuándo', 'dónde', 'por qué', 'cómo', 'cuánto', 'cuántos', 'cuál', 'puedo', 'pueden', 'tienen', 'hay',
];
const OPENER = new RegExp(`(?:^|[.!\\n]\\s*)(?:@\\S+\\s+)*(?:${QUESTION_WORDS.map((w) => w.replace(' ', '\\s+')).join('|')})(?=[\\s,]|$)`, 'iu');

export function itemNeedsReply(item: { kind: string; text: string; fromUs: boolean }): boolean {
  if (item.fromUs) return false;
  if (item.kind === 'message' || item.kind === 'mention') return true;
  if (/[?¿？]/u.test(item.text)) return true;
  return OPENER.test(item.text.trim());
}

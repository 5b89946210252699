/** The handle a member is @mentioned by: the part of their email before the @ (as the server reads it). */
export const handleOf = (email: string) => (email.split('@')[0] ?? '').toLowerCase();

/** The "@partial" being typed right before the caret, or null. */
export function typedMention(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)@([\w.+-]*)$/.exec(text.slice(0, caret));
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]!.toLowerCase() };
}

/** Replaces the "@partial" before the caret with "@handle ", returning the new text and caret. */
export function insertMention(text: string, caret: number, start: number, handle: string): { text: string; caret: number } {
  const inserted = `@${handle} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

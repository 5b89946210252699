/** A member as comments see them: `handle` is the part of their email before the @, lower-cased. */
export interface MemberHandle {
  userId: string;
  name: string;
  handle: string;
}

export function handleOf(email: string): string {
  return (email.split('@')[0] ?? '').toLowerCase();
}

// "@giulia.rossi," → giulia.rossi; an @ inside a word (an email address) is not a mention.
const MENTION = /(^|[^\w@.])@([a-z0-9][a-z0-9._+-]*)/gi;

/** Members named in the text with @handle, each once, in order of first mention. */
export function mentionsIn(text: string, members: readonly MemberHandle[]): MemberHandle[] {
  const byHandle = new Map<string, MemberHandle[]>();
  for (const m of members) byHandle.set(m.handle, [...(byHandle.get(m.handle) ?? []), m]);
  const found = new Map<string, MemberHandle>();
  for (const match of text.matchAll(MENTION)) {
    const handle = match[2]!.toLowerCase().replace(/[._+-]+$/, '');
    for (const m of byHandle.get(handle) ?? []) if (!found.has(m.userId)) found.set(m.userId, m);
  }
  return [...found.values()];
}

/** One line of at most `max` characters, for notification texts and email subjects. */
export function excerpt(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

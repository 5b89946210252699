/**
 * What this process sent under each idempotency key: the container it made and the text. Meta has
 * no idempotency key; with this memory a retry resumes on the same container instead of making a
 * second post, and `findPublished` can look for the text among the account's posts. After a restart
 * the memory is gone: a retry makes a new container (the unpublished one expires in 24 h), and a post
 * whose publish answer was lost can be published twice; the READMEs say so.
 */
export interface JournalEntry {
  containerId?: string;
  text: string;
}

export class Journal {
  private entries = new Map<string, JournalEntry>();
  constructor(private readonly max = 5000) {}

  get(key: string): JournalEntry | undefined {
    return this.entries.get(key);
  }

  set(key: string, entry: JournalEntry) {
    if (!this.entries.has(key) && this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }

  forget(key: string) {
    this.entries.delete(key);
  }
}

/** Text as the networks return it, for comparison (they may trim it and normalize its form). */
export function sameText(a: string | undefined, b: string): boolean {
  return (a ?? '').normalize('NFC').trim() === b.normalize('NFC').trim();
}

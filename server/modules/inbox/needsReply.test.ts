import { describe, expect, it } from 'vitest';
import { itemNeedsReply } from './needsReply';

const c = (text: string, kind = 'comment', fromUs = false) => itemNeedsReply({ kind, text, fromUs });

describe('needs a reply', () => {
  it('questions in en/it/es, with or without a question mark', () => {
    expect(c('Is it open on Sunday?')).toBe(true);
    expect(c('¿A qué hora empieza?')).toBe(true);
    expect(c('how do I book a table')).toBe(true);
    expect(c('Bellissimo. Come si prenota')).toBe(true);
    expect(c('@bar cuándo abren')).toBe(true);
  });
  it('plain praise does not; DMs and direct mentions always do; our own items never', () => {
    expect(c('Great coffee, thanks!')).toBe(false);
    expect(c('Grazie mille, tutto perfetto')).toBe(false);
    expect(c('Che bello!')).toBe(false);
    expect(c('Que bonito, como siempre')).toBe(false);
    expect(c('Ciao', 'message')).toBe(true);
    expect(c('see you there', 'mention')).toBe(true);
    expect(c('Any questions?', 'comment', true)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { handleOf, insertMention, typedMention } from './mentions';

describe('mention typing in the comment box', () => {
  it('finds the @partial right before the caret, not an email address or text after it', () => {
    expect(typedMention('Hi @gi', 6)).toEqual({ start: 3, query: 'gi' });
    expect(typedMention('@', 1)).toEqual({ start: 0, query: '' });
    expect(typedMention('Hi @Giu and more', 7)).toEqual({ start: 3, query: 'giu' });
    expect(typedMention('mail giulia@caffe.it', 20)).toBeNull();
    expect(typedMention('Hi @gi there', 12)).toBeNull();
  });

  it('replaces the partial with the handle and a space, and moves the caret after it', () => {
    expect(insertMention('Hi @gi, thanks', 6, 3, 'giulia.rossi')).toEqual({ text: 'Hi @giulia.rossi , thanks', caret: 17 });
  });

  it('takes the handle from the email the way the server does', () => {
    expect(handleOf('Giulia.Rossi@Caffe.it')).toBe('giulia.rossi');
  });
});

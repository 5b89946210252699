import { describe, expect, it } from 'vitest';
import { normalizeText, tokenize } from './normalize';

describe('normalizeText', () => {
  it('strips URLs, mentions and the retweet marker (en)', () => {
    expect(normalizeText('RT @user: Loved the show!! https://t.co/AbC123 @Some_One see www.example.com/x')).toBe('Loved the show!! see');
    // XLM-T already replaced some links by a bare "http"
    expect(normalizeText('great game http')).toBe('great game');
    expect(normalizeText('mail me at a@b.com')).toBe('mail me at a@b.com');
  });

  it('keeps hashtag words without the # sign (it)', () => {
    expect(normalizeText('Che serata! #Sanremo2024 #NonMiPiace')).toBe('Che serata! Sanremo2024 NonMiPiace');
    expect(normalizeText('@utente_è ciao')).toBe('ciao');
  });

  it('shortens elongations to two letters but leaves numbers (it, es)', () => {
    expect(normalizeText('bellissimooo')).toBe('bellissimoo');
    expect(normalizeText('bellissimoooooooo')).toBe('bellissimoo');
    expect(normalizeText('Holaaaa, qué guaaapo')).toBe('Holaa, qué guaapo');
    expect(normalizeText('1000 gracias')).toBe('1000 gracias');
  });

  it('keeps emoji as separate whole tokens, with skin tones, ZWJ sequences and flags', () => {
    expect(normalizeText('me encanta😍😍')).toBe('me encanta 😍 😍');
    expect(normalizeText('bravo👏🏽')).toBe('bravo 👏🏽');
    expect(normalizeText('family👨‍👩‍👧 time🇮🇹')).toBe('family 👨‍👩‍👧 time 🇮🇹');
  });

  it('decodes HTML escapes and collapses whitespace', () => {
    expect(normalizeText('  salt &amp; pepper &lt;3   ok ')).toBe('salt & pepper <3 ok');
  });

  it('returns an empty string for a text that is only noise', () => {
    expect(normalizeText('@user http https://x.y')).toBe('');
    expect(normalizeText('')).toBe('');
  });
});

describe('tokenize', () => {
  it('lowercases words and keeps emoji and emphasis (en)', () => {
    expect(tokenize("I DON'T like it!!! 😡 @user")).toEqual(["i", "don't", 'like', 'it', '!!!', '😡']);
  });

  it('keeps Italian elisions and accents together (it)', () => {
    expect(tokenize("Non vedo l'ora, è bellissimooo #estate")).toEqual(['non', 'vedo', "l'ora", 'è', 'bellissimoo', 'estate']);
  });

  it('handles Spanish punctuation and negation words (es)', () => {
    expect(tokenize('¡No me gustó nada! ¿Por qué?')).toEqual(['no', 'me', 'gustó', 'nada', '!', 'por', 'qué', '?']);
  });
});

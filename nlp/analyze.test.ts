import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { detectLanguage } from './language';

// Hand-written examples in the languages we serve first. They check behaviour a community
// manager relies on, not exact probabilities: the models may be retrained.

const sentiment = (text: string) => analyze(text).sentiment.label;

describe('analyze: the shape every caller relies on', () => {
  it('returns language, sentiment with probabilities summing to 1, and toxicity in [0, 1]', () => {
    const a = analyze('Adoro questo caffè! 😍');
    expect(Object.keys(a)).toEqual(['lang', 'sentiment', 'toxicity']);
    const { negative, neutral, positive } = a.sentiment.scores;
    expect(negative + neutral + positive).toBeCloseTo(1, 2);
    expect(a.toxicity.score).toBeGreaterThanOrEqual(0);
    expect(a.toxicity.score).toBeLessThanOrEqual(1);
    expect(['ok', 'offensive', 'hate']).toContain(a.toxicity.label);
  });

  it('gives an empty or noise-only text "unknown", neutral and ok, without throwing', () => {
    for (const text of ['', '   ', '@user http://t.co/x', '😀']) {
      const a = analyze(text);
      expect(a.lang).toBe('unknown');
      expect(a.toxicity.label).toBe('ok');
    }
    expect(analyze('').sentiment).toEqual({ label: 'neutral', scores: { negative: 0, neutral: 1, positive: 0 } });
  });

  it('uses the language the caller already knows', () => {
    expect(analyze('ciao', { lang: 'it' }).lang).toBe('it');
  });
});

describe('language detection', () => {
  it.each([
    ['en', 'Thanks for the quick reply, the order arrived this morning'],
    ['it', 'Grazie per la risposta veloce, il pacco è arrivato stamattina'],
    ['es', 'Gracias por la respuesta rápida, el pedido llegó esta mañana'],
    ['fr', 'Merci pour la réponse rapide, la commande est arrivée ce matin'],
    ['de', 'Danke für die schnelle Antwort, die Bestellung kam heute Morgen'],
    ['pt', 'Obrigado pela resposta rápida, a encomenda chegou esta manhã'],
  ])('%s', (lang, text) => {
    expect(detectLanguage(text).lang).toBe(lang);
  });

  it('ignores mentions, links, hashtags signs and emoji', () => {
    expect(detectLanguage('@caffeaurora ragazzi che buono il cornetto di oggi 😍 #colazione https://t.co/abc').lang).toBe('it');
  });

  it('recognises the two-word posts social media is full of', () => {
    const short = { 'not bad': 'en', 'thank you': 'en', 'che bello': 'it', 'grazie mille': 'it', 'qué bonito': 'es', 'muchas gracias': 'es', 'merci beaucoup': 'fr', 'vielen dank': 'de', 'muito obrigado': 'pt' };
    for (const [text, lang] of Object.entries(short)) expect(detectLanguage(text).lang, text).toBe(lang);
  });

  it('says unknown when there are too few letters to tell', () => {
    expect(detectLanguage('ok').lang).toBe('unknown');
    expect(detectLanguage('👍👍').lang).toBe('unknown');
  });
});

describe('sentiment', () => {
  it('reads plain praise and complaints in English, Italian and Spanish', () => {
    expect(sentiment('I love this coffee, best morning ever!')).toBe('positive');
    expect(sentiment('This is the worst service I have ever had. Never again.')).toBe('negative');
    expect(sentiment('Adoro questo caffè, che meraviglia')).toBe('positive');
    expect(sentiment('Non mi piace per niente, che delusione')).toBe('negative');
    expect(sentiment('Me encanta este lugar, increíble')).toBe('positive');
    expect(sentiment('Qué asco de servicio, nunca más')).toBe('negative');
  });

  it('keeps plain information neutral', () => {
    expect(sentiment('The shop opens at 9 on Monday.')).toBe('neutral');
    expect(sentiment('Il negozio apre alle 9 di lunedì.')).toBe('neutral');
    expect(sentiment('La tienda abre a las 9 el lunes.')).toBe('neutral');
  });

  it('handles negation: "non è male" is not negative, "no me gustó nada" is', () => {
    expect(sentiment('Non è male, anzi')).not.toBe('negative');
    expect(sentiment('No me gustó nada')).toBe('negative');
    expect(sentiment('No está mal')).not.toBe('negative');
  });

  it('is not thrown by emoji, elongations, hashtags and mentions', () => {
    expect(sentiment('bellissimooo 😍😍')).toBe('positive');
    expect(sentiment('@caffeaurora #buongiorno Adoro questo posto!!! 😍')).toBe('positive');
    expect(sentiment('@user pessimo, che schifo 😡')).toBe('negative');
    expect(analyze('bellissimooooooo').sentiment).toEqual(analyze('bellissimooo').sentiment);
  });
});

describe('toxicity', () => {
  it('flags insults in the three languages and names the words', () => {
    for (const [text, word] of [
      ['you are a fucking idiot', 'idiot'],
      ['sei uno stronzo', 'stronzo'],
      ['eres un gilipollas', 'gilipollas'],
    ] as const) {
      const t = analyze(text).toxicity;
      expect(t.label, text).not.toBe('ok');
      expect(t.reasons, text).toContain(word);
    }
  });

  it('calls a threat or dehumanisation against a group hate, in the three languages', () => {
    expect(analyze('Immigrants are vermin, kill them all').toxicity.label).toBe('hate');
    expect(analyze('gli immigrati sono bestie, ammazzarli tutti').toxicity.label).toBe('hate');
    expect(analyze('los inmigrantes son ratas, hay que matarlos a todos').toxicity.label).toBe('hate');
  });

  it('calls hatred of a group hate and leaves its negation alone (it, es)', () => {
    expect(analyze('Odio le donne.').toxicity.label).toBe('hate');
    expect(analyze('Odio a las mujeres.').toxicity.label).toBe('hate');
    expect(analyze('Non odio le donne.').toxicity.label).toBe('ok');
    expect(analyze('No odio a las mujeres.').toxicity.label).toBe('ok');
  });

  it('calls a threat against a group hate in English too', () => {
    expect(analyze("I'm going to kill all Muslims.").toxicity.label).toBe('hate');
    expect(analyze('All gay people should be killed.').toxicity.label).toBe('hate');
    expect(analyze('I love Muslims.').toxicity.label).toBe('ok');
  });

  it('sees through common disguises', () => {
    expect(analyze('sei un 1d10ta').toxicity.label).not.toBe('ok');
  });

  it('leaves friendly and everyday talk alone', () => {
    for (const text of ['Che bella giornata, ci vediamo al bar', 'Qué bonito día, nos vemos en el café', 'Thanks a lot, see you tomorrow', 'I love immigrants, they make this city better']) {
      expect(analyze(text).toxicity.label, text).toBe('ok');
    }
  });

  it('keeps score and label consistent: score ≥ 0.5 exactly when the label is not ok', () => {
    const texts = ['sei uno stronzo', 'gli immigrati sono bestie, ammazzarli tutti', 'Che bella giornata', 'you are a fucking idiot', 'thanks!', 'eres un gilipollas'];
    for (const text of texts) {
      const t = analyze(text).toxicity;
      expect(t.score >= 0.5, text).toBe(t.label !== 'ok');
    }
  });
});

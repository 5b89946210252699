import { describe, expect, it } from 'vitest';
import en from '../locales/en.json';
import it_ from '../locales/it.json';
import { createForumT } from './i18n';

describe('the forum translator', () => {
  it('reads nested keys, fills placeholders and picks plural forms like i18next', () => {
    const t = createForumT('en', en.forum);
    expect(t('forum.nav.spaces')).toBe('Spaces');
    expect(t('forum.space.replies', { count: 1 })).toBe('1 reply');
    expect(t('forum.space.replies', { count: 0 })).toBe('0 replies');
    expect(t('forum.poll.winner', { count: 2, names: 'Moka' })).toBe('Winner after 2 rounds of instant run-off: Moka');
    expect(createForumT('it', it_.forum)('forum.space.replies', { count: 3 })).toBe('3 risposte');
  });

  it('answers a missing key with the key itself (so the E2E untranslated-key check catches it)', () => {
    expect(createForumT('en', en.forum)('forum.nope.missing')).toBe('forum.nope.missing');
  });
});

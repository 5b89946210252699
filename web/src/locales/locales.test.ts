import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/contracts/common';
import { TOKEN_SCOPES } from '../../../shared/permissions';
import { AREAS, HAT_KPIS, ROLES } from '../../../shared/roles';
import en from './en.json';
import es from './es.json';
import itLocale from './it.json';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted.key, value]. */
function flatten(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) => {
    const key = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [[key, v] as [string, string]] : flatten(v, key);
  });
}

const LOCALES: Record<string, Tree> = { en, it: itLocale, es };
const flat = Object.fromEntries(Object.entries(LOCALES).map(([l, tree]) => [l, new Map(flatten(tree))]));
const enKeys = [...flat.en!.keys()].sort();

/** Values that are legitimately the same in every language (brand, symbols, endonyms, loanwords). */
const SAME_AS_ENGLISH_OK = new Set([
  'app.name',
  'common.noValue',
  'language.en',
  'language.it',
  'language.es',
  'forum.languages.en',
  'forum.languages.it',
  'forum.languages.es',
  'forum.account.password',
  'forum.event.online',
  'forum.post.staff',
  'forum.flag.reasons.spam',
  'roles.social_media_manager',
  'roles.community_manager',
  'roles.marketing_manager',
  'areas.home',
  'areas.community',
  // The Italian word for the brand's community is the English loanword, as is the staff badge.
  'community.title',
  'community.staffBadge',
  'settings.sections.team',
  'settings.team.title',
  'settings.team.colRoles',
  'settings.team.inviteRoles',
  'settings.tokens.listTitle',
  'settings.team.colEmail',
  'settings.profile.email',
  'auth.email',
  'auth.password',
  'home.title',
  'roles.analyst',
  // A generic outgoing webhook: the word is the name of the thing in Italian and Spanish too.
  'settings.channels.networks.webhook',
]);

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('locale files', () => {
  for (const lng of ['it', 'es'] as const) {
    describe(lng, () => {
      const map = flat[lng]!;

      it('has exactly the same keys as English', () => {
        expect([...map.keys()].sort()).toEqual(enKeys);
      });

      it('has no empty value', () => {
        const empty = [...map.entries()].filter(([, v]) => v.trim() === '').map(([k]) => k);
        expect(empty).toEqual([]);
      });

      it('uses the same {{placeholders}} as English', () => {
        const wrong = enKeys.filter((k) => JSON.stringify(placeholders(map.get(k) ?? '')) !== JSON.stringify(placeholders(flat.en!.get(k) ?? '')));
        expect(wrong).toEqual([]);
      });

      it('is actually translated, not an English copy', () => {
        const copied = enKeys.filter((k) => !SAME_AS_ENGLISH_OK.has(k) && map.get(k) === flat.en!.get(k));
        expect(copied).toEqual([]);
      });
    });
  }

  for (const lng of Object.keys(LOCALES)) {
    describe(`${lng} labels for shared constants`, () => {
      const map = flat[lng]!;
      const missing = (keys: string[]) => keys.filter((k) => !map.get(k)?.trim());

      it('labels every role (name and description)', () => {
        expect(missing(ROLES.flatMap((r) => [`roles.${r}`, `roleDescriptions.${r}`]))).toEqual([]);
      });

      it('labels every KPI of every hat', () => {
        const kpis = [...new Set(Object.values(HAT_KPIS).flat())];
        expect(missing(kpis.map((k) => `kpis.${k}`))).toEqual([]);
      });

      it('labels every area, and describes every area that is not built yet', () => {
        expect(missing(AREAS.map((a) => `areas.${a}`))).toEqual([]);
        const placeholdersAreas = AREAS.filter((a) => a !== 'home' && a !== 'settings');
        expect(missing(placeholdersAreas.flatMap((a) => [`areaPages.${a}.title`, `areaPages.${a}.description`]))).toEqual([]);
      });

      it('explains every error code', () => {
        expect(missing(ERROR_CODES.map((c) => `errors.${c}`))).toEqual([]);
      });

      it('describes every API token scope', () => {
        expect(missing(TOKEN_SCOPES.map((s) => `settings.tokenScopes.${s.replace(/[^a-zA-Z0-9]/g, '_')}`))).toEqual([]);
      });
    });
  }
});

// Ready-made language detectors from the npm registry, each behind one shape so the comparison
// treats them alike. "restricted" variants tell the detector the six languages we care about:
// the product may do the same, and it shows how much of each one's error is confusion with
// languages we never expect.
import { detect as tinyld } from 'tinyld';
import { franc } from 'franc-min';
import { eld } from 'eld/large';
import LanguageDetect from 'languagedetect';

export const TARGET_LANGS = ['en', 'it', 'es', 'fr', 'de', 'pt'] as const;
export const UNKNOWN = 'unknown';

export interface Detector {
  name: string;
  pkg: string;
  /** ISO 639-1 code or UNKNOWN */
  detect(text: string): string;
  /** detectors with global settings (eld) switch them here, before their run */
  setup?(): void;
}

// franc answers in ISO 639-3; anything outside our six is simply "not ours" for the score.
const ISO3: Record<string, string> = { eng: 'en', ita: 'it', spa: 'es', fra: 'fr', deu: 'de', por: 'pt' };
const fromIso3 = (code: string) => (code === 'und' ? UNKNOWN : (ISO3[code] ?? code));
const orUnknown = (code: string | undefined) => (code ? code : UNKNOWN);

const languageDetect = new LanguageDetect();
languageDetect.setLanguageType('iso2');

export const detectors: Detector[] = [
  { name: 'tinyld (all)', pkg: 'tinyld', detect: (t) => orUnknown(tinyld(t)) },
  { name: 'tinyld (6 langs)', pkg: 'tinyld', detect: (t) => orUnknown(tinyld(t, { only: [...TARGET_LANGS] })) },
  { name: 'franc-min (all)', pkg: 'franc-min', detect: (t) => fromIso3(franc(t)) },
  { name: 'franc-min (6 langs)', pkg: 'franc-min', detect: (t) => fromIso3(franc(t, { only: Object.keys(ISO3) })) },
  // Short posts are franc's weak spot: its default refuses texts under 10 characters.
  { name: 'franc-min (6 langs, minLength 1)', pkg: 'franc-min', detect: (t) => fromIso3(franc(t, { only: Object.keys(ISO3), minLength: 1 })) },
  { name: 'eld large (all)', pkg: 'eld', setup: () => eld.setLanguageSubset(false), detect: (t) => orUnknown(eld.detect(t).language) },
  { name: 'eld large (6 langs)', pkg: 'eld', setup: () => eld.setLanguageSubset([...TARGET_LANGS]), detect: (t) => orUnknown(eld.detect(t).language) },
  { name: 'languagedetect (all)', pkg: 'languagedetect', detect: (t) => orUnknown(languageDetect.detect(t, 1)[0]?.[0]) },
  {
    name: 'languagedetect (6 langs)',
    pkg: 'languagedetect',
    detect: (t) => orUnknown(languageDetect.detect(t).find(([code]) => (TARGET_LANGS as readonly string[]).includes(code))?.[0]),
  },
];

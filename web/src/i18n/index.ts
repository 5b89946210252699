import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../../shared/contracts/common';
import en from '../locales/en.json';
import es from '../locales/es.json';
import it from '../locales/it.json';

export const SUPPORTED_LOCALES = ['en', 'it', 'es'] as const satisfies readonly Locale[];
export const LOCALE_STORAGE_KEY = 'tandem.locale';

export function toLocale(lng: string | undefined): Locale {
  const base = (lng ?? '').toLowerCase().split('-')[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : 'en';
}

function syncDocument(lng: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = toLocale(lng);
  document.title = i18n.t('app.name');
}

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, it: { translation: it }, es: { translation: es } },
    supportedLngs: [...SUPPORTED_LOCALES],
    nonExplicitSupportedLngs: true,
    load: 'languageOnly',
    fallbackLng: 'en',
    nsSeparator: false,
    interpolation: { escapeValue: false },
    detection: {
      order: ['localStorage', 'navigator', 'htmlTag'],
      lookupLocalStorage: LOCALE_STORAGE_KEY,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) => toLocale(lng),
    },
    returnNull: false,
  });

i18n.on('languageChanged', syncDocument);
syncDocument(i18n.resolvedLanguage ?? i18n.language);

/** The current interface language, always one of the supported locales. */
export function currentLocale(): Locale {
  return toLocale(i18n.resolvedLanguage ?? i18n.language);
}

export default i18n;

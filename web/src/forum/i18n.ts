import i18next from 'i18next';
import { createContext, useContext } from 'react';
import type { ForumLocale } from './pageData';

/** The forum's keys are built at run time (reaction names, error codes), so this translator takes any string. */
export type ForumT = (key: string, options?: Record<string, unknown>) => string;

/** A translator for one page: only the page's language and only the forum's strings travel with it. */
export function createForumT(locale: ForumLocale, strings: Record<string, unknown>): ForumT {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: locale,
    resources: { [locale]: { translation: { forum: strings } } },
    initAsync: false,
    interpolation: { escapeValue: false },
    nsSeparator: false,
  });
  return (key, options) => i18n.t(key as never, options as never) as unknown as string;
}

export const TContext = createContext<ForumT | null>(null);

export function useT(): ForumT {
  const t = useContext(TContext);
  if (!t) throw new Error('useT outside the forum');
  return t;
}

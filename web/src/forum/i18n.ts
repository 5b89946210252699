import { createContext, useContext } from 'react';
import type { ForumLocale } from './pageData';

/** The forum's keys are built at run time (reaction names, error codes), so this translator takes any string. */
export type ForumT = (key: string, options?: Record<string, unknown>) => string;

/**
 * A translator over the page's own strings (the `forum` part of one locale file), reading the same
 * JSON format as the app's i18next: `{{name}}` placeholders and `_one`/`_other`… plural keys chosen by
 * Intl.PluralRules. Not i18next itself: the forum page must stay small (docs/adr/0013).
 */
export function createForumT(locale: ForumLocale, strings: Record<string, unknown>): ForumT {
  const plural = new Intl.PluralRules(locale);
  const root = { forum: strings };
  const lookup = (key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), root);
  return (key, options = {}) => {
    const count = options.count;
    const value = (typeof count === 'number' ? (lookup(`${key}_${plural.select(count)}`) ?? lookup(`${key}_other`)) : undefined) ?? lookup(key);
    if (typeof value !== 'string') return key;
    return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(options[name] ?? ''));
  };
}

export const TContext = createContext<ForumT | null>(null);

export function useT(): ForumT {
  const t = useContext(TContext);
  if (!t) throw new Error('useT outside the forum');
  return t;
}

import i18n, { currentLocale } from '../i18n';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return i18n.t('common.noValue');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return i18n.t('common.noValue');
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(d);
}

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return i18n.t('common.noValue');
  return new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2 }).format(n);
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Keep document.title in sync with the page (and the language). */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}

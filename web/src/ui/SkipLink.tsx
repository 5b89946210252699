import { useTranslation } from 'react-i18next';

/** First focusable element of every page: jumps to <main id="main">. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="tandem-skip-link" href="#main">
      {t('a11y.skipToContent')}
    </a>
  );
}

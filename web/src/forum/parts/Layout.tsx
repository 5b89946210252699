import type { ReactNode } from 'react';
import { useForum } from '../ForumContext';
import { useT } from '../i18n';
import { FORUM_LOCALES } from '../pageData';
import { forumPaths } from '../paths';
import { AccountMenu } from './AccountMenu';
import { HeaderSearch } from './HeaderSearch';
import { NotificationBell } from './NotificationBell';

/** Landmarks every page shares: a skip link, the banner with navigation, the main content, the footer. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT();
  const { data } = useForum();
  const c = data.community.id;
  return (
    <>
      <a className="skip" href="#main">
        {t('forum.a11y.skip')}
      </a>
      <header className="banner">
        <a className="brand" href={forumPaths.home(c)}>
          {data.community.name}
        </a>
        <nav aria-label={t('forum.a11y.mainNav')}>
          <ul>
            <li>
              <a href={forumPaths.home(c)}>{t('forum.nav.spaces')}</a>
            </li>
            <li>
              <a href={forumPaths.guidelines(c)}>{t('forum.nav.guidelines')}</a>
            </li>
          </ul>
        </nav>
        <HeaderSearch />
        <div className="account-area">
          <NotificationBell />
          <AccountMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <nav aria-label={t('forum.a11y.languages')}>
          <ul>
            {FORUM_LOCALES.map((l) => (
              <li key={l}>
                <a href={`?lang=${l}`} hrefLang={l} lang={l} aria-current={l === data.locale ? 'true' : undefined}>
                  {t(`forum.languages.${l}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p>{t('forum.footer.poweredBy')}</p>
      </footer>
    </>
  );
}

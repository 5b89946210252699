import { useEffect, useMemo, useRef, useState } from 'react';
import { forumApi } from './api';
import { ForumContext, type ForumState } from './ForumContext';
import { createForumT, TContext } from './i18n';
import type { ForumData, ForumMember } from './pageData';
import { Layout } from './parts/Layout';
import { AccountPage } from './pages/AccountPage';
import { ErrorPage } from './pages/ErrorPage';
import { ForgotPage } from './pages/ForgotPage';
import { GuidelinesPage } from './pages/GuidelinesPage';
import { HomePage } from './pages/HomePage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ProfilePage } from './pages/ProfilePage';
import { SettingsPage } from './pages/SettingsPage';
import { MagicPage, ResetPage } from './pages/ResetPage';
import { SearchPage } from './pages/SearchPage';
import { SpacePage } from './pages/SpacePage';
import { ThreadPage } from './pages/ThreadPage';
import { UnreadContext } from './unread';

/** The public community: the same tree renders on the server (complete HTML) and hydrates in the browser. */
export function ForumApp({ data }: { data: ForumData }) {
  const t = useMemo(() => createForumT(data.locale, data.strings), [data.locale, data.strings]);
  const [me, setMe] = useState<ForumMember | null>(data.me);
  const [hydrated, setHydrated] = useState(false);
  const [unread, setUnread] = useState(data.unreadNotifications);
  const unreadState = useMemo(() => ({ count: unread, setCount: setUnread }), [unread]);
  const csrf = useRef(data.csrfToken);
  useEffect(() => setHydrated(true), []);
  const api = useMemo(() => forumApi(data.community.id, () => csrf.current), [data.community.id]);
  const state: ForumState = { data, api, me, setMe, hydrated };
  return (
    <TContext.Provider value={t}>
      <ForumContext.Provider value={state}>
        <UnreadContext.Provider value={unreadState}>
          <Layout>
            <Page data={data} />
          </Layout>
        </UnreadContext.Provider>
      </ForumContext.Provider>
    </TContext.Provider>
  );
}

function Page({ data }: { data: ForumData }) {
  const page = data.page;
  switch (page.kind) {
    case 'home':
      return <HomePage spaces={page.spaces} />;
    case 'space':
      return <SpacePage space={page.space} threads={page.threads} />;
    case 'thread':
      return <ThreadPage thread={page.thread} poll={page.poll} event={page.event} />;
    case 'profile':
      return <ProfilePage profile={page.profile} blockedByMe={page.blockedByMe} />;
    case 'join':
    case 'signin':
      return <AccountPage mode={page.kind} />;
    case 'guidelines':
      return <GuidelinesPage />;
    case 'forgot':
      return <ForgotPage />;
    case 'reset':
      return <ResetPage />;
    case 'magic':
      return <MagicPage />;
    case 'settings':
      return <SettingsPage />;
    case 'search':
      return <SearchPage page={page} />;
    case 'notifications':
      return <NotificationsPage page={page} />;
    case 'error':
      return <ErrorPage status={page.status} />;
  }
}

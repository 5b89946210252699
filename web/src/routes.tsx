import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage';
import { SignInPage } from './features/auth/SignInPage';
import { SignUpPage } from './features/auth/SignUpPage';
import { AreaPage } from './features/areas/AreaPage';
import { HomePage } from './features/home/HomePage';
import { AcceptInvitationPage } from './features/invitations/AcceptInvitationPage';
import { CreateWorkspacePage } from './features/workspaces/CreateWorkspacePage';
import { NotFoundPage } from './features/areas/NotFoundPage';
import { RequireAuth, RootRedirect, WorkspaceRoute } from './session/guards';
import { Loading } from './ui/Loading';

const SettingsLayout = lazy(() => import('./features/settings/SettingsLayout'));
const WorkspaceSettings = lazy(() => import('./features/settings/workspace/WorkspaceSettings'));
const TeamSettings = lazy(() => import('./features/settings/team/TeamSettings'));
const TokensSettings = lazy(() => import('./features/settings/tokens/TokensSettings'));
const AuditLog = lazy(() => import('./features/settings/audit/AuditLog'));
const ProfileSettings = lazy(() => import('./features/settings/profile/ProfileSettings'));
const ChannelsSettings = lazy(() => import('./features/settings/channels/ChannelsSettings'));
const PostsPage = lazy(() => import('./features/posts/PostsPage'));
const MediaLibraryPage = lazy(() => import('./features/media/MediaLibraryPage'));
const CalendarPage = lazy(() => import('./features/calendar/CalendarPage'));
const ComposerPage = lazy(() => import('./features/posts/ComposerPage'));
const OutboxPage = lazy(() => import('./features/dev/OutboxPage'));
const FeedsPage = lazy(() => import('./features/feeds/FeedsPage'));
const CommunityLayout = lazy(() => import('./features/community/CommunityLayout'));
const CommunitySpaces = lazy(() => import('./features/community/SpacesPage'));
const CommunitySpace = lazy(() => import('./features/community/SpacePage'));
const CommunityThread = lazy(() => import('./features/community/ThreadPage'));
const CommunityQueue = lazy(() => import('./features/community/ApprovalQueuePage'));
const CommunityMembers = lazy(() => import('./features/community/MembersPage'));
const CommunitySettings = lazy(() => import('./features/community/CommunitySettings'));

const lazyEl = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<RootRedirect />} />
      <Route path="/signin" element={<SignInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/invite" element={<AcceptInvitationPage />} />
      <Route path="/dev/outbox" element={lazyEl(<OutboxPage />)} />
      <Route element={<RequireAuth />}>
        <Route path="/workspaces/new" element={<CreateWorkspacePage />} />
        <Route path="/w/:workspaceId" element={<WorkspaceRoute />}>
          <Route index element={<Navigate to="home" replace />} />
          <Route path="home" element={<HomePage />} />
          <Route path="calendar" element={lazyEl(<CalendarPage />)} />
          <Route path="calendar/list" element={lazyEl(<PostsPage />)} />
          <Route path="posts/new" element={lazyEl(<ComposerPage key="new" />)} />
          <Route path="posts/:postId" element={lazyEl(<ComposerPage />)} />
          <Route path="media" element={lazyEl(<MediaLibraryPage />)} />
          <Route path="feeds" element={lazyEl(<FeedsPage />)} />
          <Route path="inbox" element={<AreaPage area="inbox" />} />
          <Route path="community" element={lazyEl(<CommunityLayout />)}>
            <Route index element={<Navigate to="spaces" replace />} />
            <Route path="spaces" element={lazyEl(<CommunitySpaces />)} />
            <Route path="spaces/:spaceId" element={lazyEl(<CommunitySpace />)} />
            <Route path="spaces/:spaceId/threads/:threadId" element={lazyEl(<CommunityThread />)} />
            <Route path="queue" element={lazyEl(<CommunityQueue />)} />
            <Route path="members" element={lazyEl(<CommunityMembers />)} />
            <Route path="settings" element={lazyEl(<CommunitySettings />)} />
          </Route>
          <Route path="members" element={<AreaPage area="members" />} />
          <Route path="analytics" element={<AreaPage area="analytics" />} />
          <Route path="strategy" element={<AreaPage area="strategy" />} />
          <Route path="settings" element={lazyEl(<SettingsLayout />)}>
            <Route index element={<Navigate to="workspace" replace />} />
            <Route path="workspace" element={lazyEl(<WorkspaceSettings />)} />
            <Route path="team" element={lazyEl(<TeamSettings />)} />
            <Route path="channels" element={lazyEl(<ChannelsSettings />)} />
            <Route path="tokens" element={lazyEl(<TokensSettings />)} />
            <Route path="audit" element={lazyEl(<AuditLog />)} />
            <Route path="profile" element={lazyEl(<ProfileSettings />)} />
          </Route>
        </Route>
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

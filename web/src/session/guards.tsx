import { Button, Container } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useParams } from 'react-router';
import { AppLayout } from '../features/shell/AppLayout';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Loading } from '../ui/Loading';
import { lastWorkspace, rememberWorkspace, useMeQuery } from './me';
import { WorkspaceProvider, wsPath } from './workspace';

/** Only same-site paths are accepted as a place to go back to after signing in. */
export function safeNext(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Container size="sm" py="xl">
      <ErrorAlert error={error} />
      <Button mt="md" onClick={retry}>
        {t('common.retry')}
      </Button>
    </Container>
  );
}

export function RequireAuth() {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <LoadFailed error={error} retry={() => void refetch()} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

export function RootRedirect() {
  const { data: me, isPending, error, refetch } = useMeQuery();
  if (isPending) return <Loading />;
  if (error) return <LoadFailed error={error} retry={() => void refetch()} />;
  if (!me) return <Navigate to="/signin" replace />;
  const m = lastWorkspace(me);
  if (!m) return <Navigate to="/workspaces/new" replace />;
  return <Navigate to={wsPath(m.workspaceId, 'home')} replace />;
}

/** /w/:workspaceId/* — the signed-in shell for one workspace the user belongs to. */
export function WorkspaceRoute() {
  const { workspaceId } = useParams();
  const { data: me } = useMeQuery();
  const membership = me?.memberships.find((m) => m.workspaceId === workspaceId);
  useEffect(() => {
    if (membership) rememberWorkspace(membership.workspaceId);
  }, [membership]);
  if (!me) return <Loading />;
  if (!membership) return <Navigate to="/" replace />;
  return (
    <WorkspaceProvider membership={membership}>
      <AppLayout>
        <Outlet />
      </AppLayout>
    </WorkspaceProvider>
  );
}

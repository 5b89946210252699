import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { get, isApiError, post, qs } from '../../api/client';
import type { InvitationPreview, Workspace } from '../../api/types';
import { meKey, useMeQuery } from '../../session/me';
import { wsPath } from '../../session/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { notifySuccess } from '../../ui/notify';
import { RoleBadges } from '../../ui/roles';
import { AuthCard } from '../auth/AuthCard';

/** /invite?token=… — preview the invitation, then sign in or up, then accept. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: me, isPending: meLoading } = useMeQuery();
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: () => get<InvitationPreview>(`/api/invitations/preview${qs({ token })}`),
    enabled: token.length > 0,
  });
  const accept = useMutation({
    mutationFn: () => post<Workspace>('/api/invitations/accept', { token }),
    onSuccess: async (w) => {
      await qc.invalidateQueries({ queryKey: meKey });
      notifySuccess(t('invite.accepted', { workspace: w.name }));
      await navigate(wsPath(w.id, 'home'), { replace: true });
    },
  });

  let body;
  if (!token) {
    body = (
      <Alert color="orange" role="alert">
        {t('invite.missingToken')}
      </Alert>
    );
  } else if (preview.isPending || meLoading) {
    body = <Loading />;
  } else if (preview.error) {
    const gone = isApiError(preview.error) && [404, 409, 410, 400].includes(preview.error.status);
    body = gone ? (
      <Alert color="orange" role="alert">
        {t('invite.invalid')}
      </Alert>
    ) : (
      <ErrorAlert error={preview.error} />
    );
  } else {
    const p = preview.data;
    const next = `/invite${qs({ token })}`;
    const authQs = qs({ next, email: p.email });
    const wrongAccount = me && me.user.email.toLowerCase() !== p.email.toLowerCase();
    body = (
      <Stack>
        <Text>{t('invite.preview', { invitedBy: p.invitedBy, email: p.email, workspace: p.workspaceName })}</Text>
        <RoleBadges roles={p.roles} />
        {accept.error && <ErrorAlert error={accept.error} overrides={{ FORBIDDEN: t('invite.forbidden', { email: p.email }), NOT_FOUND: t('invite.invalid') }} />}
        {me ? (
          <>
            <Text size="sm" c="dimmed">
              {t('invite.signedInAs', { email: me.user.email })}
            </Text>
            {wrongAccount && (
              <Alert color="yellow" role="status">
                {t('invite.wrongAccount', { email: p.email })}
              </Alert>
            )}
            <Button onClick={() => accept.mutate()} loading={accept.isPending}>
              {t('invite.accept')}
            </Button>
          </>
        ) : (
          <Stack gap="xs">
            <Button component={Link} to={`/signup${authQs}`}>
              {t('invite.signUpToAccept')}
            </Button>
            <Button component={Link} to={`/signin${authQs}`} variant="default">
              {t('invite.signInToAccept')}
            </Button>
          </Stack>
        )}
      </Stack>
    );
  }

  const title = preview.data ? t('invite.heading', { workspace: preview.data.workspaceName }) : t('invite.title');
  return (
    <AuthCard title={title}>
      {body}
    </AuthCard>
  );
}

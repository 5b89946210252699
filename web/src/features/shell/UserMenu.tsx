import { Avatar, Menu, UnstyledButton } from '@mantine/core';
import { IconLogout, IconSettings, IconUser } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { post, setCsrfToken } from '../../api/client';
import { meKey, useMe } from '../../session/me';
import { notifyError } from '../../ui/notify';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');
}

/** Signs out (POST /api/auth/signout), clears every cached query and goes to the sign-in page. */
export function useSignOut(): () => Promise<void> {
  const qc = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await post('/api/auth/signout');
    } catch (e) {
      notifyError(e);
      return;
    }
    setCsrfToken(null);
    qc.clear();
    qc.setQueryData(meKey, null);
    await navigate('/signin', { replace: true });
  };
}

export function UserMenu({ settingsPath }: { settingsPath?: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const membership = me.memberships[0];
  const profilePath = settingsPath ?? (membership ? `/w/${membership.workspaceId}/settings/profile` : null);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('a11y.userMenu', { name: me.user.name })} style={{ borderRadius: '50%' }}>
          <Avatar color="blue" radius="xl" size={34} alt="">
            {initials(me.user.name) || <IconUser size={18} aria-hidden />}
          </Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email}</Menu.Label>
        {profilePath && (
          <Menu.Item leftSection={<IconSettings size={16} aria-hidden />} onClick={() => void navigate(profilePath)}>
            {t('areas.settings')}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

import { Button, Group, ScrollArea, Stack } from '@mantine/core';
import { IconBuilding, IconPlugConnected, IconHistory, IconKey, IconUserCog, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { PageHeader } from '../../ui/PageHeader';
import { visibleSections, type SettingsSection } from './sections';

const ICONS: Record<SettingsSection, Icon> = {
  workspace: IconBuilding,
  team: IconUsersGroup,
  channels: IconPlugConnected,
  tokens: IconKey,
  audit: IconHistory,
  profile: IconUserCog,
};

export default function SettingsLayout() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { pathname } = useLocation();
  return (
    <Stack gap="md">
      <PageHeader title={t('settings.title')} />
      <ScrollArea type="auto" offsetScrollbars scrollbarSize={6} component="nav" aria-label={t('a11y.settingsNavigation')}>
        <Group gap="xs" wrap="nowrap">
        {visibleSections(ws).map((s) => {
          const to = wsPath(ws.id, `settings/${s}`);
          const active = pathname === to;
          const Icon = ICONS[s];
          return (
            <Button
              key={s}
              component={Link}
              to={to}
              variant={active ? 'light' : 'subtle'}
              color={active ? undefined : 'gray'}
              leftSection={<Icon size={16} aria-hidden />}
              aria-current={active ? 'page' : undefined}
              style={{ flexShrink: 0 }}
            >
              {t(`settings.sections.${s}`)}
            </Button>
          );
        })}
        </Group>
      </ScrollArea>
      <Outlet />
    </Stack>
  );
}

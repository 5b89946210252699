import { Stack } from '@mantine/core';
import { IconBuilding, IconPlugConnected, IconHistory, IconKey, IconUserCog, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { PageHeader } from '../../ui/PageHeader';
import { SectionTabs } from '../../ui/SectionTabs';
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
      <SectionTabs
        label={t('a11y.settingsNavigation')}
        tabs={visibleSections(ws).map((s) => {
          const to = wsPath(ws.id, `settings/${s}`);
          return { to, label: t(`settings.sections.${s}`), icon: ICONS[s], active: pathname === to };
        })}
      />
      <Outlet />
    </Stack>
  );
}

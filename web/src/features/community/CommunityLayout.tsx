import { Anchor, Paper, Stack } from '@mantine/core';
import { IconExternalLink, IconHourglass, IconLayoutList, IconSettings, IconUsers, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { useWorkspace, wsPath } from '../../session/workspace';
import { EmptyNote } from '../../ui/EmptyNote';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { SectionTabs } from '../../ui/SectionTabs';
import { publicCommunityUrl, useCommunity } from './api';
import { CommunitySettingsForm } from './CommunitySettingsForm';
import { visibleCommunitySections, type CommunitySection } from './sections';

const ICONS: Record<CommunitySection, Icon> = { spaces: IconLayoutList, queue: IconHourglass, members: IconUsers, settings: IconSettings };

/** /w/:workspaceId/community — the community as the team runs it; set it up first when it is new. */
export default function CommunityLayout() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { pathname } = useLocation();
  const community = useCommunity(ws.id);
  const canManage = ws.can('community.manage');

  if (community.isPending) return <Loading />;
  if (community.error) return <ErrorAlert error={community.error} />;

  if (community.data === null) {
    return (
      <>
        <PageHeader title={t('community.title')} description={t('community.setupIntro')} />
        <Paper withBorder radius="md" p="lg" maw={760}>
          {canManage ? (
            <CommunitySettingsForm community={null} />
          ) : (
            <EmptyNote icon={<IconUsersGroup />} order={2} title={t('community.notSetUpTitle')} description={t('community.notSetUpReadOnly')} />
          )}
        </Paper>
      </>
    );
  }

  const description = (
    <>
      {community.data.name}
      {' · '}
      <Anchor href={publicCommunityUrl(ws.id)} target="_blank" rel="noopener" underline="always">
        {t('community.openPublic')} <IconExternalLink size={14} aria-hidden style={{ verticalAlign: 'middle' }} />
      </Anchor>
    </>
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('community.title')} description={description} />
      <SectionTabs
        label={t('community.sectionsNav')}
        tabs={visibleCommunitySections(ws).map((s) => {
          const to = wsPath(ws.id, `community/${s}`);
          return { to, label: t(`community.sections.${s}`), icon: ICONS[s], active: pathname === to || pathname.startsWith(`${to}/`) };
        })}
      />
      <Outlet />
    </Stack>
  );
}

import { Badge, Paper } from '@mantine/core';
import { IconCalendar, IconChartBar, IconInbox, IconMessages, IconTarget, IconUsers, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../../../shared/roles';
import { EmptyNote } from '../../ui/EmptyNote';
import { PageHeader } from '../../ui/PageHeader';

export type PlaceholderArea = Exclude<Area, 'home' | 'settings'>;

const ICONS: Record<PlaceholderArea, Icon> = {
  calendar: IconCalendar,
  inbox: IconInbox,
  community: IconMessages,
  members: IconUsers,
  analytics: IconChartBar,
  strategy: IconTarget,
};

/** An area not built yet: an honest page that says what will be here. */
export function AreaPage({ area }: { area: PlaceholderArea }) {
  const { t } = useTranslation();
  const Icon = ICONS[area];
  return (
    <>
      <PageHeader title={t(`areaPages.${area}.title`)} />
      <Paper withBorder radius="md" p="xl" data-testid={`area-${area}`}>
        <EmptyNote icon={<Icon />} title={t('common.comingSoon')} description={t(`areaPages.${area}.description`)} order={2} size="md">
          <Badge variant="light" color="gray" tt="none">
            {t(`areas.${area}`)}
          </Badge>
        </EmptyNote>
      </Paper>
    </>
  );
}

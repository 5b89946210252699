import { Badge, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Area } from '../../../../shared/roles';
import { AREA_ICONS } from '../../ui/areaIcons';
import { EmptyNote } from '../../ui/EmptyNote';
import { PageHeader } from '../../ui/PageHeader';

export type PlaceholderArea = Exclude<Area, 'home' | 'settings'>;

/** An area not built yet: an honest page that says what will be here. */
export function AreaPage({ area }: { area: PlaceholderArea }) {
  const { t } = useTranslation();
  const Icon = AREA_ICONS[area];
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

import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Home } from '../../api/types';
import { formatNumber } from '../../ui/format';

type Kpi = Home['kpis'][number];

/** One card per KPI of the current hat; a null value is shown as "—" with "No data yet". */
export function KpiGrid({ kpis }: { kpis: Kpi[] }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {kpis.map((k) => {
        const key = `kpis.${k.key}`;
        const label = i18n.exists(key) ? t(key as 'kpis.reach') : k.key;
        return (
          <Paper component="li" key={k.key} withBorder p="md" radius="md" data-testid={`kpi-${k.key}`}>
            <Text size="sm" c="dimmed" fw={500}>
              {label}
            </Text>
            <Text size="xl" fw={700} mt={4}>
              {k.value === null ? t('common.noValue') : formatNumber(k.value)}
            </Text>
            {k.value === null && (
              <Text size="xs" c="dimmed">
                {t('home.noDataYet')}
              </Text>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}

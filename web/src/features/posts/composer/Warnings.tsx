import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComposerWarning } from './warnings';

/** The softer problems per channel; none of them blocks saving. */
export function Warnings({ items }: { items: { channel: string; warning: ComposerWarning }[] }) {
  const { t } = useTranslation();
  if (!items.length) return null;
  return (
    <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('composer.warnings.title')} data-testid="composer-warnings">
      <List size="sm">
        {items.map(({ channel, warning }, i) => (
          <List.Item key={i}>{t(`composer.warnings.${warning.code}`, { ...warning, channel })}</List.Item>
        ))}
      </List>
    </Alert>
  );
}

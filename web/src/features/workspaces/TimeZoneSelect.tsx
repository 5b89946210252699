import { NativeSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function allTimeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const set = new Set(zones);
  set.add('UTC');
  if (current) set.add(current);
  return [...set].sort();
}

interface Props {
  value: string;
  onChange: (tz: string) => void;
  error?: string;
  disabled?: boolean;
}

export function TimeZoneSelect({ value, onChange, error, disabled }: Props) {
  const { t } = useTranslation();
  const zones = useMemo(() => allTimeZones(value), [value]);
  return (
    <NativeSelect
      label={t('workspaces.timeZone')}
      description={t('workspaces.timeZoneHelp')}
      data={zones}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      disabled={disabled}
    />
  );
}

import { ActionIcon, Button, Menu, Tooltip } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES, currentLocale, toLocale } from '../i18n';
import { useChangeLocale } from '../session/locale';

/** English / Italiano / Español; the choice is stored in localStorage and, when signed in, on the account. */
export function LanguagePicker({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const change = useChangeLocale();
  const lng = toLocale(i18n.resolvedLanguage ?? currentLocale());
  const label = t('language.current', { language: t(`language.${lng}`) });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {compact ? (
          <Tooltip label={label}>
            <ActionIcon variant="default" size="lg" aria-label={label}>
              <IconLanguage size={18} aria-hidden />
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button variant="default" leftSection={<IconLanguage size={16} aria-hidden />} aria-label={label}>
            {lng.toUpperCase()}
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown aria-label={t('language.label')}>
        <Menu.Label>{t('language.label')}</Menu.Label>
        <Menu.RadioGroup value={lng} onChange={(v) => void change(toLocale(v))}>
          {SUPPORTED_LOCALES.map((l) => (
            <Menu.RadioItem key={l} value={l} lang={l} closeMenuOnClick>
              {t(`language.${l}`)}
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
      </Menu.Dropdown>
    </Menu>
  );
}

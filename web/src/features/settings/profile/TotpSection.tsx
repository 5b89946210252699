import { Badge, Button, Code, Group, Image, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post } from '../../../api/client';
import type { Me, TotpSetup } from '../../../api/types';
import { useMe, useSetMe } from '../../../session/me';
import { CodeInput } from '../../../ui/CodeInput';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { CODE_RE, fieldError } from '../../../ui/errors';
import { notifySuccess } from '../../../ui/notify';
import { useClientErrors } from '../../../ui/useClientErrors';
import { SettingsCard } from '../SettingsCard';

function CodeForm({ label, submitLabel, color, loading, error, onSubmit }: {
  label: string;
  submitLabel: string;
  color?: string;
  loading: boolean;
  error: unknown;
  onSubmit: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [clientErrors, check] = useClientErrors<'code'>();
  // a wrong code is said next to the field; anything else goes in the alert
  const codeRejected = Boolean(fieldError(error, 'code'));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (check({ code: !CODE_RE.test(code) && t('validation.code') })) onSubmit(code);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {error && !codeRejected ? <ErrorAlert error={error} shownFields={['code']} /> : null}
        <Group align="flex-end">
          <CodeInput label={label} value={code} onChange={setCode} error={fieldError(error, 'code', clientErrors.code, t('settings.security.wrongCode'))} w={180} />
          <Button type="submit" color={color} loading={loading}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Enable (setup → scan → confirm with a code) or disable (with a code) two-factor authentication. */
export function TotpSection() {
  const { t } = useTranslation();
  const me = useMe();
  const setMe = useSetMe();
  const setup = useMutation({ mutationFn: () => post<TotpSetup>('/api/me/totp/setup') });
  const enable = useMutation({
    mutationFn: (code: string) => post<Me>('/api/me/totp/enable', { code }),
    onSuccess: (m) => {
      setMe(m);
      setup.reset();
      notifySuccess(t('settings.security.enabled'));
    },
  });
  const disable = useMutation({
    mutationFn: (code: string) => post<Me>('/api/me/totp/disable', { code }),
    onSuccess: (m) => {
      setMe(m);
      notifySuccess(t('settings.security.disabled'));
    },
  });
  const on = me.user.totpEnabled;

  return (
    <SettingsCard
      title={t('settings.security.title')}
      maw={560}
      aside={on ? <IconShieldCheck color="var(--mantine-color-teal-6)" aria-hidden /> : <IconShieldOff color="var(--mantine-color-gray-6)" aria-hidden />}
    >
      <Text mb="md">{on ? t('settings.security.on') : t('settings.security.off')}</Text>
      {on ? (
        <Stack>
          <Text size="sm" c="dimmed">
            {t('settings.security.disableHelp')}
          </Text>
          <CodeForm
            label={t('settings.security.code')}
            submitLabel={t('settings.security.disable')}
            color="red"
            loading={disable.isPending}
            error={disable.error}
            onSubmit={(c) => disable.mutate(c)}
          />
        </Stack>
      ) : setup.data ? (
        <Stack>
          <Text size="sm">{t('settings.security.scan')}</Text>
          <Image src={setup.data.qrDataUrl} alt={t('settings.security.qrAlt')} w={200} h={200} fit="contain" bg="white" p={6} radius="sm" />
          <Group gap="xs">
            <Badge variant="light" tt="none">
              {t('settings.security.secret')}
            </Badge>
            <Code data-testid="totp-secret" style={{ wordBreak: 'break-all' }}>
              {setup.data.secret}
            </Code>
          </Group>
          <CodeForm
            label={t('settings.security.code')}
            submitLabel={t('settings.security.enable')}
            loading={enable.isPending}
            error={enable.error}
            onSubmit={(c) => enable.mutate(c)}
          />
        </Stack>
      ) : (
        <Stack>
          {setup.error ? <ErrorAlert error={setup.error} /> : null}
          <Button onClick={() => setup.mutate()} loading={setup.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('settings.security.setup')}
          </Button>
        </Stack>
      )}
    </SettingsCard>
  );
}

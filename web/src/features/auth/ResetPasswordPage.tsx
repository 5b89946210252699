import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { post } from '../../api/client';
import type { Ok } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { MIN_PASSWORD, fieldError } from '../../ui/errors';
import { AuthCard } from './AuthCard';

/** /reset-password?token=… — the link from the password-reset email. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [clientError, setClientError] = useState<string | null>(null);
  const confirm = useMutation({
    mutationFn: (body: { token: string; password: string }) => post<Ok>('/api/auth/password-reset/confirm', body),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = password.length < MIN_PASSWORD;
    setClientError(bad ? t('validation.passwordLength') : null);
    if (!bad) confirm.mutate({ token, password });
  };

  // a failure that is not about the new password means the link itself is no good
  const tokenRejected = Boolean(confirm.error) && !fieldError(confirm.error, 'password');
  let body;
  if (!token) {
    body = (
      <Stack>
        <Alert color="orange" role="alert">
          {t('auth.reset.missingToken')}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {t('auth.reset.requestNew')}
        </Anchor>
      </Stack>
    );
  } else if (confirm.isSuccess) {
    body = (
      <Stack>
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} role="status">
          {t('auth.reset.done')}
        </Alert>
        <Button component={Link} to="/signin">
          {t('auth.signIn.submit')}
        </Button>
      </Stack>
    );
  } else {
    body = (
      <form onSubmit={submit} noValidate>
        <Stack>
          {confirm.error && <ErrorAlert error={confirm.error} shownFields={['password']} overrides={{ BAD_REQUEST: t('auth.reset.invalid'), NOT_FOUND: t('auth.reset.invalid') }} />}
          {tokenRejected && (
            <Anchor component={Link} to="/forgot-password">
              {t('auth.reset.requestNew')}
            </Anchor>
          )}
          <PasswordInput
            label={t('auth.reset.password')}
            description={t('auth.signUp.passwordHelp')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(confirm.error, 'password', clientError)}
          />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    );
  }

  return <AuthCard title={t('auth.reset.title')}>{body}</AuthCard>;
}

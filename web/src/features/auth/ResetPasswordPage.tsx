import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { post } from '../../api/client';
import type { Ok } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { MIN_PASSWORD, fieldError } from '../../ui/errors';
import { SubmitForm } from '../../ui/SubmitForm';
import { useClientErrors } from '../../ui/useClientErrors';
import { AuthCard } from './AuthCard';
import { NewPasswordField } from './fields';

/** /reset-password?token=… — the link from the password-reset email. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [clientErrors, check] = useClientErrors<'password'>();
  const confirm = useMutation({
    mutationFn: (body: { token: string; password: string }) => post<Ok>('/api/auth/password-reset/confirm', body),
  });

  const submit = () => {
    if (check({ password: password.length < MIN_PASSWORD && t('validation.passwordLength') })) confirm.mutate({ token, password });
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
      <SubmitForm onSubmit={submit} submitLabel={t('auth.reset.submit')} pending={confirm.isPending} fullWidth>
        {confirm.error && <ErrorAlert error={confirm.error} shownFields={['password']} overrides={{ BAD_REQUEST: t('auth.reset.invalid'), NOT_FOUND: t('auth.reset.invalid') }} />}
        {tokenRejected && (
          <Anchor component={Link} to="/forgot-password">
            {t('auth.reset.requestNew')}
          </Anchor>
        )}
        <NewPasswordField label={t('auth.reset.password')} value={password} onChange={setPassword} error={fieldError(confirm.error, 'password', clientErrors.password)} />
      </SubmitForm>
    );
  }

  return <AuthCard title={t('auth.reset.title')}>{body}</AuthCard>;
}

import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { post } from '../../api/client';
import type { Ok } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { EMAIL_RE, fieldError } from '../../ui/errors';
import { AuthCard } from './AuthCard';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [clientError, setClientError] = useState<string | null>(null);
  const request = useMutation({ mutationFn: (body: { email: string }) => post<Ok>('/api/auth/password-reset/request', body) });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const bad = !EMAIL_RE.test(email.trim());
    setClientError(bad ? t('validation.email') : null);
    if (!bad) request.mutate({ email: email.trim() });
  };

  return (
    <AuthCard
      title={t('auth.forgot.title')}
      description={t('auth.forgot.intro')}
      footer={
        <Anchor component={Link} to="/signin">
          {t('auth.forgot.backToSignIn')}
        </Anchor>
      }
    >
      {request.isSuccess ? (
        <Alert color="teal" icon={<IconMailCheck aria-hidden />} role="status">
          {t('auth.forgot.sent')}
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {request.error && <ErrorAlert error={request.error} shownFields={['email']} />}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError(request.error, 'email', clientError)}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('auth.forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}

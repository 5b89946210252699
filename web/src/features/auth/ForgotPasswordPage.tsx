import { Alert, Anchor } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { post } from '../../api/client';
import type { Ok } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { EMAIL_RE, fieldError } from '../../ui/errors';
import { SubmitForm } from '../../ui/SubmitForm';
import { useClientErrors } from '../../ui/useClientErrors';
import { AuthCard } from './AuthCard';
import { EmailField } from './fields';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [clientErrors, check] = useClientErrors<'email'>();
  const request = useMutation({ mutationFn: (body: { email: string }) => post<Ok>('/api/auth/password-reset/request', body) });

  const submit = () => {
    if (check({ email: !EMAIL_RE.test(email.trim()) && t('validation.email') })) request.mutate({ email: email.trim() });
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
        <SubmitForm onSubmit={submit} submitLabel={t('auth.forgot.submit')} pending={request.isPending} fullWidth>
          {request.error && <ErrorAlert error={request.error} shownFields={['email']} />}
          <EmailField value={email} onChange={setEmail} error={fieldError(request.error, 'email', clientErrors.email)} />
        </SubmitForm>
      )}
    </AuthCard>
  );
}

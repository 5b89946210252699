import { TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { post } from '../../api/client';
import type { Me, SignUpBody } from '../../api/types';
import { currentLocale } from '../../i18n';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { EMAIL_RE, MIN_PASSWORD, fieldError } from '../../ui/errors';
import { SubmitForm } from '../../ui/SubmitForm';
import { useClientErrors } from '../../ui/useClientErrors';
import { AuthCard } from './AuthCard';
import { EmailField, NewPasswordField } from './fields';
import { SwitchAuthLink } from './SwitchAuthLink';
import { useAfterSignIn, useSignedInTarget } from './useAfterSignIn';

export function SignUpPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const after = useAfterSignIn();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [clientErrors, check] = useClientErrors<'name' | 'email' | 'password'>();

  const signUp = useMutation({
    mutationFn: (body: SignUpBody) => post<Me>('/api/auth/signup', body),
    onSuccess: (m) => after(m),
  });

  const signedIn = useSignedInTarget(signUp.isPending || signUp.isSuccess);
  if (signedIn) return <Navigate to={signedIn} replace />;

  const submit = () => {
    const ok = check({
      name: !name.trim() && t('validation.required'),
      email: !EMAIL_RE.test(email.trim()) && t('validation.email'),
      password: password.length < MIN_PASSWORD && t('validation.passwordLength'),
    });
    if (ok) signUp.mutate({ name: name.trim(), email: email.trim(), password, locale: currentLocale() });
  };

  const err = signUp.error;
  return (
    <AuthCard
      title={t('auth.signUp.title')}
      description={t('app.tagline')}
      footer={<SwitchAuthLink question={t('auth.signUp.haveAccount')} link={t('auth.signUp.signInLink')} to="/signin" />}
    >
      <SubmitForm onSubmit={submit} submitLabel={t('auth.signUp.submit')} pending={signUp.isPending} fullWidth>
        {err && <ErrorAlert error={err} shownFields={['name', 'email', 'password']} overrides={{ CONFLICT: t('auth.signUp.exists'), FORBIDDEN: t('auth.signUp.closed') }} />}
        <TextInput
          label={t('auth.name')}
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(err, 'name', clientErrors.name)}
        />
        <EmailField value={email} onChange={setEmail} error={fieldError(err, 'email', clientErrors.email)} />
        <NewPasswordField label={t('auth.password')} value={password} onChange={setPassword} error={fieldError(err, 'password', clientErrors.password)} />
      </SubmitForm>
    </AuthCard>
  );
}

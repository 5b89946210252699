import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { post } from '../../api/client';
import type { Me, SignUpBody } from '../../api/types';
import { currentLocale } from '../../i18n';
import { safeNext } from '../../session/guards';
import { useMeQuery } from '../../session/me';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { EMAIL_RE, MIN_PASSWORD, fieldError } from '../../ui/errors';
import { AuthCard } from './AuthCard';
import { useAfterSignIn, useNextSuffix } from './useAfterSignIn';

type Field = 'name' | 'email' | 'password';

export function SignUpPage() {
  const { t } = useTranslation();
  const { data: me } = useMeQuery();
  const [params] = useSearchParams();
  const after = useAfterSignIn();
  const nextSuffix = useNextSuffix();
  const [name, setName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});

  const signUp = useMutation({
    mutationFn: (body: SignUpBody) => post<Me>('/api/auth/signup', body),
    onSuccess: (m) => after(m),
  });

  if (me && !signUp.isPending && !signUp.isSuccess) return <Navigate to={safeNext(params.get('next')) ?? '/'} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Partial<Record<Field, string>> = {};
    if (!name.trim()) errs.name = t('validation.required');
    if (!EMAIL_RE.test(email.trim())) errs.email = t('validation.email');
    if (password.length < MIN_PASSWORD) errs.password = t('validation.passwordLength');
    setClientErrors(errs);
    if (Object.keys(errs).length) return;
    signUp.mutate({ name: name.trim(), email: email.trim(), password, locale: currentLocale() });
  };

  const err = signUp.error;
  return (
    <AuthCard
      title={t('auth.signUp.title')}
      description={t('app.tagline')}
      footer={
        <Text size="sm">
          {t('auth.signUp.haveAccount')}{' '}
          <Anchor component={Link} to={`/signin${nextSuffix}`}>
            {t('auth.signUp.signInLink')}
          </Anchor>
        </Text>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {err && <ErrorAlert error={err} shownFields={['name', 'email', 'password']} overrides={{ CONFLICT: t('auth.signUp.exists'), FORBIDDEN: t('auth.signUp.closed') }} />}
          <TextInput
            label={t('auth.name')}
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(err, 'name', clientErrors.name)}
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(err, 'email', clientErrors.email)}
          />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.signUp.passwordHelp')}
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(err, 'password', clientErrors.password)}
          />
          <Button type="submit" loading={signUp.isPending} fullWidth>
            {t('auth.signUp.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

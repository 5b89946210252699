import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { isApiError, post } from '../../api/client';
import type { Me, SignInBody } from '../../api/types';
import { safeNext } from '../../session/guards';
import { useMeQuery } from '../../session/me';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CODE_RE, EMAIL_RE, fieldError } from '../../ui/errors';
import { AuthCard } from './AuthCard';
import { useAfterSignIn, useNextSuffix } from './useAfterSignIn';

type Field = 'email' | 'password' | 'totp';

export function SignInPage() {
  const { t } = useTranslation();
  const { data: me } = useMeQuery();
  const [params] = useSearchParams();
  const after = useAfterSignIn();
  const nextSuffix = useNextSuffix();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const totpRef = useRef<HTMLInputElement>(null);

  const signIn = useMutation({
    mutationFn: (body: SignInBody) => post<Me>('/api/auth/signin', body),
    meta: { authFlow: true },
    onSuccess: (m) => after(m),
    onError: (e) => {
      if (isApiError(e) && e.code === 'TOTP_REQUIRED') {
        setNeedTotp(true);
        setTimeout(() => totpRef.current?.focus(), 0);
      }
    },
  });

  if (me && !signIn.isPending && !signIn.isSuccess) return <Navigate to={safeNext(params.get('next')) ?? '/'} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: Partial<Record<Field, string>> = {};
    if (!EMAIL_RE.test(email.trim())) errs.email = t('validation.email');
    if (!password) errs.password = t('validation.required');
    if (needTotp && !CODE_RE.test(totp)) errs.totp = t('validation.code');
    setClientErrors(errs);
    if (Object.keys(errs).length) return;
    signIn.mutate({ email: email.trim(), password, ...(needTotp ? { totp } : {}) });
  };

  const err = signIn.error;
  // TOTP_REQUIRED without a code is a prompt (the code field appears); with a code, the code was wrong.
  const totpRejected = isApiError(err) && err.code === 'TOTP_REQUIRED';
  const wrongCode = totpRejected && Boolean(signIn.variables?.totp);
  const showError = err && !totpRejected;

  return (
    <AuthCard
      title={t('auth.signIn.title')}
      footer={
        <>
          <Anchor component={Link} to={`/forgot-password${email ? `?email=${encodeURIComponent(email)}` : ''}`}>
            {t('auth.signIn.forgot')}
          </Anchor>
          <Text size="sm">
            {t('auth.signIn.noAccount')}{' '}
            <Anchor component={Link} to={`/signup${nextSuffix}`}>
              {t('auth.signIn.signUpLink')}
            </Anchor>
          </Text>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {showError && <ErrorAlert error={err} shownFields={['email', 'password', 'totp']} />}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(err, 'email', clientErrors.email)}
          />
          <PasswordInput
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(err, 'password', clientErrors.password)}
          />
          {needTotp && (
            <TextInput
              ref={totpRef}
              label={t('auth.signIn.totp')}
              description={t('auth.signIn.totpHelp')}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={totp}
              onChange={(e) => setTotp(e.currentTarget.value.replace(/\D/g, ''))}
              error={clientErrors.totp ?? (wrongCode ? t('auth.signIn.totpWrong') : fieldError(err, 'totp'))}
            />
          )}
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}

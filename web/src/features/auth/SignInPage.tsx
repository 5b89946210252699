import { Anchor, PasswordInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { isApiError, post } from '../../api/client';
import type { Me, SignInBody } from '../../api/types';
import { CodeInput } from '../../ui/CodeInput';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { CODE_RE, EMAIL_RE, fieldError } from '../../ui/errors';
import { SubmitForm } from '../../ui/SubmitForm';
import { useClientErrors } from '../../ui/useClientErrors';
import { AuthCard } from './AuthCard';
import { EmailField } from './fields';
import { SwitchAuthLink } from './SwitchAuthLink';
import { useAfterSignIn, useSignedInTarget } from './useAfterSignIn';

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const after = useAfterSignIn();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needTotp, setNeedTotp] = useState(false);
  const [clientErrors, check] = useClientErrors<'email' | 'password' | 'totp'>();
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

  const signedIn = useSignedInTarget(signIn.isPending || signIn.isSuccess);
  if (signedIn) return <Navigate to={signedIn} replace />;

  const submit = () => {
    const ok = check({
      email: !EMAIL_RE.test(email.trim()) && t('validation.email'),
      password: !password && t('validation.required'),
      totp: needTotp && !CODE_RE.test(totp) && t('validation.code'),
    });
    if (ok) signIn.mutate({ email: email.trim(), password, ...(needTotp ? { totp } : {}) });
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
          <SwitchAuthLink question={t('auth.signIn.noAccount')} link={t('auth.signIn.signUpLink')} to="/signup" />
        </>
      }
    >
      <SubmitForm onSubmit={submit} submitLabel={t('auth.signIn.submit')} pending={signIn.isPending} fullWidth>
        {showError && <ErrorAlert error={err} shownFields={['email', 'password', 'totp']} />}
        <EmailField autoComplete="username" value={email} onChange={setEmail} error={fieldError(err, 'email', clientErrors.email)} />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={fieldError(err, 'password', clientErrors.password)}
        />
        {needTotp && (
          <CodeInput
            ref={totpRef}
            label={t('auth.signIn.totp')}
            description={t('auth.signIn.totpHelp')}
            pattern="[0-9]{6}"
            value={totp}
            onChange={setTotp}
            error={clientErrors.totp ?? (wrongCode ? t('auth.signIn.totpWrong') : fieldError(err, 'totp'))}
          />
        )}
      </SubmitForm>
    </AuthCard>
  );
}

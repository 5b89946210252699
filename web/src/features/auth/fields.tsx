import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** The account's email address. */
export function EmailField({ value, onChange, error, autoComplete = 'email' }: FieldProps & { autoComplete?: 'email' | 'username' }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('auth.email')}
      type="email"
      autoComplete={autoComplete}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** A password being chosen (sign-up, reset), with the length rule under it. */
export function NewPasswordField({ label, value, onChange, error }: FieldProps & { label: string }) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={label}
      description={t('auth.signUp.passwordHelp')}
      autoComplete="new-password"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

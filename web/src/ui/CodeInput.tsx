import { TextInput, type TextInputProps } from '@mantine/core';
import type { Ref } from 'react';

interface Props extends Omit<TextInputProps, 'value' | 'onChange'> {
  value: string;
  onChange: (code: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/** A six-digit one-time code from an authenticator app: digits only, offered by the phone's autofill. */
export function CodeInput({ value, onChange, ...rest }: Props) {
  return (
    <TextInput
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.replace(/\D/g, ''))}
      {...rest}
    />
  );
}

import { Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  /** Runs on submit; the browser's own validation is off, the form checks its fields itself. */
  onSubmit: () => void;
  submitLabel: string;
  pending: boolean;
  /** A full-width button (the auth cards); otherwise it sits at the start of the line. */
  fullWidth?: boolean;
  /** No submit button: the fields are only shown. */
  readOnly?: boolean;
  children: ReactNode;
}

/** A form of stacked fields ending with its submit button, which spins while the request runs. */
export function SubmitForm({ onSubmit, submitLabel, pending, fullWidth = false, readOnly = false, children }: Props) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      noValidate
    >
      <Stack>
        {children}
        {!readOnly && (
          <Button type="submit" loading={pending} fullWidth={fullWidth} style={fullWidth ? undefined : { alignSelf: 'flex-start' }}>
            {submitLabel}
          </Button>
        )}
      </Stack>
    </form>
  );
}

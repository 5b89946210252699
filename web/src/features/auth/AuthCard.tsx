import { Paper, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { PageHeader } from '../../ui/PageHeader';
import { PublicLayout } from '../../ui/PublicLayout';

interface Props {
  title: string;
  description?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The centered card used by sign-in, sign-up, password reset and invitations. */
export function AuthCard({ title, description, children, footer }: Props) {
  return (
    <PublicLayout>
      <PageHeader title={title} description={description} />
      <Paper withBorder shadow="sm" p="lg" radius="md">
        {children}
      </Paper>
      {footer && (
        <Stack gap="xs" mt="md" align="center">
          {footer}
        </Stack>
      )}
    </PublicLayout>
  );
}

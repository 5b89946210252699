import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  /** Heading level of the title, to keep the page outline right. */
  order?: 2 | 3 | 4;
  children?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
}

/** An honest empty state: says what will be here and why it is empty. */
export function EmptyNote({ icon, title, description, order = 3, children, size = 'sm' }: Props) {
  return (
    <EmptyState size={size} variant="light" py="lg">
      <EmptyState.Indicator aria-hidden>{icon}</EmptyState.Indicator>
      <EmptyState.Title order={order}>{title}</EmptyState.Title>
      {description && <EmptyState.Description>{description}</EmptyState.Description>}
      {children && <EmptyState.Actions>{children}</EmptyState.Actions>}
    </EmptyState>
  );
}

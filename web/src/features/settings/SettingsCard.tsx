import { Group, Paper, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface Props {
  /** The card's h3, which also names the section for screen readers. */
  title: string;
  maw: number;
  /** Shown at the end of the title line (e.g. a status icon). */
  aside?: ReactNode;
  children: ReactNode;
}

/** A bordered card that is a named <section> of a settings page. */
export function SettingsCard({ title, maw, aside, children }: Props) {
  const id = useId();
  const heading = (
    <Title order={3} size="h4" id={id} mb={aside ? undefined : 'sm'}>
      {title}
    </Title>
  );
  return (
    <Paper withBorder p="lg" maw={maw} component="section" aria-labelledby={id}>
      {aside ? (
        <Group justify="space-between" mb="sm">
          {heading}
          {aside}
        </Group>
      ) : (
        heading
      )}
      {children}
    </Paper>
  );
}

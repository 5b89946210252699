import { Title } from '@mantine/core';
import { usePageTitle } from '../../ui/usePageTitle';

/** The h2 of a settings section; also names the browser tab. */
export function SectionTitle({ children }: { children: string }) {
  usePageTitle(children);
  return (
    <Title order={2} size="h3">
      {children}
    </Title>
  );
}

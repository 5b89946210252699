import { Button, Group, ScrollArea } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { Link } from 'react-router';

export interface SectionTab {
  to: string;
  label: string;
  icon: Icon;
  active: boolean;
}

/** The row of section links under a page header (Settings, Community): scrolls sideways on small screens. */
export function SectionTabs({ label, tabs }: { label: string; tabs: SectionTab[] }) {
  return (
    <ScrollArea type="auto" offsetScrollbars scrollbarSize={6} component="nav" aria-label={label}>
      <Group gap="xs" wrap="nowrap">
        {tabs.map(({ to, label: text, icon: TabIcon, active }) => (
          <Button
            key={to}
            component={Link}
            to={to}
            variant={active ? 'light' : 'subtle'}
            color={active ? undefined : 'gray'}
            leftSection={<TabIcon size={16} aria-hidden />}
            aria-current={active ? 'page' : undefined}
            style={{ flexShrink: 0 }}
          >
            {text}
          </Button>
        ))}
      </Group>
    </ScrollArea>
  );
}

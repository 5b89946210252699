import { IconCalendar, IconChartBar, IconHome, IconInbox, IconMessages, IconSettings, IconTarget, IconUsers, type Icon } from '@tabler/icons-react';
import type { Area } from '../../../shared/roles';

/** The icon of each area, in the navigation and on the area's own page. */
export const AREA_ICONS: Record<Area, Icon> = {
  home: IconHome,
  calendar: IconCalendar,
  inbox: IconInbox,
  community: IconMessages,
  members: IconUsers,
  analytics: IconChartBar,
  strategy: IconTarget,
  settings: IconSettings,
};

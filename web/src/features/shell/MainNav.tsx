import { NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { AREAS } from '../../../../shared/roles';
import { useWorkspace, wsPath } from '../../session/workspace';
import { AREA_ICONS } from '../../ui/areaIcons';
import { IconPhoto, IconRss } from '@tabler/icons-react';

export function MainNav() {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const { pathname } = useLocation();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {AREAS.map((area) => {
        const to = wsPath(ws.id, area);
        const active = pathname === to || pathname.startsWith(`${to}/`);
        const Icon = AREA_ICONS[area];
        return (
          <li key={area}>
            <NavLink
              component={RouterNavLink}
              to={to}
              label={t(`areas.${area}`)}
              leftSection={<Icon size={18} stroke={1.6} aria-hidden />}
              active={active}
              aria-current={active ? 'page' : undefined}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
            />
          </li>
        );
      })}
      {/* Not an area of its own: the library sits next to the calendar, where posts are made. */}
      <li>
        <NavLink
          component={RouterNavLink}
          to={wsPath(ws.id, 'media')}
          label={t('media.nav')}
          leftSection={<IconPhoto size={18} stroke={1.6} aria-hidden />}
          active={pathname.startsWith(wsPath(ws.id, 'media'))}
          aria-current={pathname.startsWith(wsPath(ws.id, 'media')) ? 'page' : undefined}
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        />
      </li>
      {/* Feeds bring drafts into the calendar: also beside it. */}
      <li>
        <NavLink
          component={RouterNavLink}
          to={wsPath(ws.id, 'feeds')}
          label={t('feeds.nav')}
          leftSection={<IconRss size={18} stroke={1.6} aria-hidden />}
          active={pathname.startsWith(wsPath(ws.id, 'feeds'))}
          aria-current={pathname.startsWith(wsPath(ws.id, 'feeds')) ? 'page' : undefined}
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        />
      </li>
    </ul>
  );
}

import { Button, Menu } from '@mantine/core';
import { IconBuildingStore, IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../session/me';
import { useWorkspace, wsPath } from '../../session/workspace';

/** Lists the workspaces from GET /api/me memberships; choosing one opens its home. */
export function WorkspaceSwitcher({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const name = ws.membership.workspaceName;
  return (
    <Menu position="bottom-start" withinPortal width={fullWidth ? 'target' : 260}>
      <Menu.Target>
        <Button
          variant="default"
          fullWidth={fullWidth}
          justify={fullWidth ? 'space-between' : undefined}
          leftSection={<IconBuildingStore size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          aria-label={t('workspaces.switcherLabel', { name })}
          maw={fullWidth ? undefined : 220}
        >
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</span>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('workspaces.switcherTitle')}</Menu.Label>
        <Menu.RadioGroup value={ws.id} onChange={(id) => void navigate(wsPath(id, 'home'))}>
          {me.memberships.map((m) => (
            <Menu.RadioItem key={m.workspaceId} value={m.workspaceId} closeMenuOnClick>
              {m.workspaceName}
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
        <Menu.Divider />
        <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={() => void navigate('/workspaces/new')}>
          {t('workspaces.create')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

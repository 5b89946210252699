import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconUserCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/roles';
import { put } from '../../api/client';
import type { Workspace } from '../../api/types';
import { useUpdateMembership } from '../../session/me';
import { useWorkspace } from '../../session/workspace';
import { notifyError, notifySuccess } from '../../ui/notify';
import { isRole } from '../../ui/roles';

/** Switch among the roles held in the current workspace (PUT /api/workspaces/:id/hat). */
export function HatSwitcher({ fullWidth = false }: { fullWidth?: boolean }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const qc = useQueryClient();
  const updateMembership = useUpdateMembership();
  const setHat = useMutation({
    mutationFn: (hat: Role) => put<Workspace>(`/api/workspaces/${ws.id}/hat`, { hat }),
    onSuccess: async (w) => {
      updateMembership(w.id, { hat: w.hat, roles: w.roles });
      notifySuccess(t('hat.switched', { role: t(`roles.${w.hat}`) }));
      await qc.invalidateQueries({ queryKey: ['workspaces', w.id] });
    },
    onError: (e) => notifyError(e),
  });
  const held = ROLES.filter((r) => ws.roles.includes(r));
  const hatLabel = t(`roles.${ws.hat}`);
  return (
    <Menu position="bottom-start" withinPortal width={fullWidth ? 'target' : 240}>
      <Menu.Target>
        <Button
          variant="light"
          fullWidth={fullWidth}
          justify={fullWidth ? 'space-between' : undefined}
          loading={setHat.isPending}
          leftSection={<IconUserCircle size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          {t('hat.label', { role: hatLabel })}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('hat.menuTitle')}</Menu.Label>
        <Menu.RadioGroup value={ws.hat} onChange={(v) => isRole(v) && v !== ws.hat && setHat.mutate(v)}>
          {held.map((r) => (
            <Menu.RadioItem key={r} value={r} closeMenuOnClick>
              {t(`roles.${r}`)}
            </Menu.RadioItem>
          ))}
        </Menu.RadioGroup>
      </Menu.Dropdown>
    </Menu>
  );
}

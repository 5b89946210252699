import { Badge, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/roles';

export function RoleBadges({ roles }: { roles: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {roles.map((r) => (
        <Badge key={r} variant="light" tt="none" maw="none" style={{ flexShrink: 0 }}>
          {isRole(r) ? t(`roles.${r}`) : r}
        </Badge>
      ))}
    </Group>
  );
}

export function isRole(r: string): r is Role {
  return (ROLES as readonly string[]).includes(r);
}

interface PickerProps {
  label: string;
  value: Role[];
  onChange: (roles: Role[]) => void;
  error?: string;
  disabledRoles?: readonly Role[];
  /** Why the disabled roles can't be picked. */
  disabledHint?: string;
}

/** Pick several roles: a labelled group of checkboxes with a short description per role. */
export function RolesPicker({ label, value, onChange, error, disabledRoles = [], disabledHint }: PickerProps) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group label={label} value={value} onChange={(v) => onChange(v.filter(isRole))} error={error} withAsterisk>
      <Stack gap={6} mt={6}>
        {ROLES.map((r) => (
          <Checkbox
            key={r}
            value={r}
            disabled={disabledRoles.includes(r)}
            label={t(`roles.${r}`)}
            description={
              <Text span size="xs" c="dimmed">
                {disabledRoles.includes(r) && disabledHint ? `${t(`roleDescriptions.${r}`)} ${disabledHint}` : t(`roleDescriptions.${r}`)}
              </Text>
            }
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

import type { WorkspaceContextValue } from '../../session/workspace';

export const SETTINGS_SECTIONS = ['workspace', 'team', 'channels', 'tokens', 'audit', 'profile'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** Which settings sections the user's roles let them see (the shared permission matrix decides). */
export function visibleSections(ws: WorkspaceContextValue): SettingsSection[] {
  return SETTINGS_SECTIONS.filter((s) => {
    if (s === 'tokens') return ws.can('tokens.createOwn') || ws.can('tokens.manageAll');
    if (s === 'audit') return ws.can('audit.read');
    if (s === 'team') return ws.can('members.read');
    return true;
  });
}

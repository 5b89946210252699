import type { WorkspaceContextValue } from '../../session/workspace';

export const COMMUNITY_SECTIONS = ['spaces', 'queue', 'members', 'settings'] as const;
export type CommunitySection = (typeof COMMUNITY_SECTIONS)[number];

/** The community sections the user's roles let them see (the shared permission matrix decides). */
export function visibleCommunitySections(ws: WorkspaceContextValue): CommunitySection[] {
  return COMMUNITY_SECTIONS.filter((s) => (s === 'queue' ? ws.can('community.moderate') : ws.can('community.read')));
}

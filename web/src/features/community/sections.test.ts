import { describe, expect, it } from 'vitest';
import { rolesAllow } from '../../../../shared/permissions';
import type { Role } from '../../../../shared/roles';
import type { WorkspaceContextValue } from '../../session/workspace';
import { visibleCommunitySections } from './sections';

/** A workspace context for these roles, deciding with the shared matrix as the provider does. */
const as = (...roles: Role[]) => ({ roles, can: (a) => rolesAllow(roles, a) }) as Pick<WorkspaceContextValue, 'roles' | 'can'> as WorkspaceContextValue;

describe('community sections by role', () => {
  it('shows the approval queue only to those who may moderate', () => {
    expect(visibleCommunitySections(as('community_manager'))).toEqual(['spaces', 'queue', 'members', 'settings']);
    expect(visibleCommunitySections(as('owner'))).toContain('queue');
    expect(visibleCommunitySections(as('social_media_manager'))).toEqual(['spaces', 'members', 'settings']);
    expect(visibleCommunitySections(as('analyst'))).toEqual(['spaces', 'members', 'settings']);
    expect(visibleCommunitySections(as('client'))).toEqual(['spaces', 'members', 'settings']);
  });

  it('takes the union of the roles held', () => {
    expect(visibleCommunitySections(as('social_media_manager', 'community_manager'))).toContain('queue');
  });
});

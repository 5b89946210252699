import type { Role } from './roles';

/**
 * The one permission matrix (role × action). Server policies, the web UI and docs/PERMISSIONS.md
 * all read it. `scope` is what an API token must carry to perform the action.
 */
export const ACTIONS = {
  'workspace.read': { scope: 'workspace:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  'workspace.update': { scope: 'workspace:write', roles: ['owner', 'marketing_manager'] },
  'members.read': { scope: 'members:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  'members.invite': { scope: 'members:write', roles: ['owner', 'marketing_manager'] },
  'members.updateRoles': { scope: 'members:write', roles: ['owner'] },
  'members.remove': { scope: 'members:write', roles: ['owner'] },
  'tokens.createOwn': { scope: 'tokens:write', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst'] },
  'tokens.manageAll': { scope: 'tokens:write', roles: ['owner'] },
  'audit.read': { scope: 'audit:read', roles: ['owner'] },
  'channels.read': { scope: 'channels:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  'channels.manage': { scope: 'channels:write', roles: ['owner', 'marketing_manager', 'social_media_manager'] },
  'posts.read': { scope: 'posts:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  'posts.write': { scope: 'posts:write', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor'] },
  'posts.approve': { scope: 'posts:approve', roles: ['owner', 'marketing_manager', 'client'] },
  'posts.schedule': { scope: 'posts:schedule', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager'] },
  'publishing.pause': { scope: 'publishing:pause', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager'] },
  'publishing.configure': { scope: 'workspace:write', roles: ['owner', 'marketing_manager'] },
  'media.read': { scope: 'media:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  /** Upload, describe (alt text) and delete media: whoever writes posts. */
  'media.write': { scope: 'media:write', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor'] },
  'comments.read': { scope: 'posts:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  'comments.write': { scope: 'comments:write', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  /** Delete anyone's comment (everyone may delete their own). */
  'comments.moderate': { scope: 'comments:write', roles: ['owner', 'marketing_manager'] },
  /** One's own notifications: read them and mark them read. */
  'notifications.read': { scope: 'workspace:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  'calendar.subscribe': { scope: 'posts:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  'campaigns.read': { scope: 'posts:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  'campaigns.manage': { scope: 'campaigns:write', roles: ['owner', 'marketing_manager', 'social_media_manager'] },
  /** Comments, mentions and messages that reached the channels (the inbox). */
  'inbox.read': { scope: 'inbox:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager'] },
  /** Answer them as the brand's account. */
  'inbox.reply': { scope: 'inbox:write', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager'] },
  /** Hide or delete comments under the brand's posts on the network. */
  'inbox.moderate': { scope: 'inbox:write', roles: ['owner', 'marketing_manager', 'community_manager'] },
  /** The community as staff see it: every space, pending posts included. */
  'community.read': { scope: 'community:read', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager', 'contributor', 'analyst', 'client'] },
  /** Start threads and reply in the community as oneself, with the staff badge. */
  'community.post': { scope: 'community:write', roles: ['owner', 'marketing_manager', 'social_media_manager', 'community_manager'] },
  /** Approve pending posts, delete anyone's post. */
  'community.moderate': { scope: 'community:write', roles: ['owner', 'marketing_manager', 'community_manager'] },
  /** Set up the community and its spaces, invite members to private spaces. */
  'community.manage': { scope: 'community:manage', roles: ['owner', 'marketing_manager', 'community_manager'] },
} as const satisfies Record<string, { scope: string; roles: readonly Role[] }>;

export type Action = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

export const TOKEN_SCOPES = [...new Set(Object.values(ACTIONS).map((a) => a.scope))].sort() as TokenScope[];
export type TokenScope = (typeof ACTIONS)[Action]['scope'];

/** True when any of the roles held allows the action. */
export function rolesAllow(roles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = ACTIONS[action].roles;
  return roles.some((r) => allowed.includes(r));
}

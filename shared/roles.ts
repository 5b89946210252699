/** The team roles of a workspace. A member may hold several and wears one as a "hat" at a time. */
export const ROLES = [
  'owner',
  'marketing_manager',
  'social_media_manager',
  'community_manager',
  'contributor',
  'analyst',
  'client',
] as const;

export type Role = (typeof ROLES)[number];

/** The KPIs each hat is judged by (formulas live in the analytics module; labels in the locale files). */
export const HAT_KPIS: Record<Role, readonly string[]> = {
  owner: ['objectivesOnTrack', 'scopeUsed', 'channelHealth'],
  marketing_manager: ['objectivesOnTrack', 'audienceGrowthRate', 'conversions', 'roi'],
  social_media_manager: ['reach', 'impressions', 'engagementRate', 'clickThroughRate', 'conversions', 'costPerConversion'],
  community_manager: ['audienceGrowthRate', 'firstResponseTime', 'responseRate', 'netSentiment', 'stickiness', 'unansweredRate'],
  contributor: ['draftsInReview', 'mediaAwaitingAltText'],
  analyst: ['reportsScheduled', 'kpisTracked'],
  client: ['postsAwaitingApproval', 'scopeUsed'],
};

/** Areas of the app each hat lands on first, in navigation order. */
export const AREAS = ['home', 'calendar', 'inbox', 'community', 'members', 'analytics', 'strategy', 'settings'] as const;
export type Area = (typeof AREAS)[number];

import type { campaigns } from '../../db/schema';

export function presentCampaign(c: typeof campaigns.$inferSelect, postCount = 0) {
  return { id: c.id, name: c.name, color: c.color, postCount, createdAt: c.createdAt.toISOString() };
}

import type { channels } from '../../db/schema';

/** Never includes `authSealed`: credentials do not leave the server, not even encrypted. */
export function presentChannel(c: typeof channels.$inferSelect) {
  return { id: c.id, network: c.network, name: c.name, accountId: c.accountId, accountHandle: c.accountHandle, timeZone: c.timeZone, status: c.status, createdAt: c.createdAt.toISOString() };
}

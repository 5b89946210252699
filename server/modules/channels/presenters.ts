import type { TextRule } from '../../../shared/text';
import type { channels } from '../../db/schema';
import { connectorFor } from './connectors';

/** The network's text limits, for the composer's counters; none when this server has no connector for it any more. */
function textRulesOf(network: string): TextRule[] {
  try {
    return connectorFor(network).capabilities.text;
  } catch {
    return [];
  }
}

/** Never includes `authSealed`: credentials do not leave the server, not even encrypted. */
export function presentChannel(c: typeof channels.$inferSelect) {
  return { id: c.id, network: c.network, name: c.name, accountId: c.accountId, accountHandle: c.accountHandle, timeZone: c.timeZone, color: c.color, status: c.status, textRules: textRulesOf(c.network), createdAt: c.createdAt.toISOString() };
}

import { asc, eq } from 'drizzle-orm';
import type { MediaRules } from '../../../../connectors/types';
import type { MediaChannelCheck } from '../../../../shared/contracts/media';
import type { Db } from '../../../db/client';
import { channels } from '../../../db/schema';
import { availableNetworks, effectiveCapabilities } from '../../channels';
import { checkAssetForNetwork, type CheckableAsset } from '../checks';

export interface ChannelRules {
  channelId: string;
  channelName: string;
  network: string;
  displayName: string;
  rules: MediaRules;
}

/** The media rules of every channel of the workspace whose network this server can publish to. */
export async function channelRules(db: Db, workspaceId: string): Promise<ChannelRules[]> {
  const rows = await db.select({ id: channels.id, name: channels.name, network: channels.network, limits: channels.limits }).from(channels).where(eq(channels.workspaceId, workspaceId)).orderBy(asc(channels.createdAt));
  const networks = new Set(availableNetworks());
  return rows
    .filter((c) => networks.has(c.network))
    .map((c) => {
      // The account's own limits over the network's.
      const caps = effectiveCapabilities(c)!;
      return { channelId: c.id, channelName: c.name, network: c.network, displayName: caps.displayName, rules: caps.media };
    });
}

/** One asset against each channel. */
export function checksFor(asset: CheckableAsset, rules: ChannelRules[]): MediaChannelCheck[] {
  return rules.map((c) => ({ channelId: c.channelId, channelName: c.channelName, network: c.network, problems: checkAssetForNetwork(asset, c.rules, c.displayName) }));
}

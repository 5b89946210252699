import { sql } from 'drizzle-orm';
import type { Role } from '../../shared/roles';
import type { Db } from '../db/client';
import { users, workspaceMembers } from '../db/schema';
import { createUser } from '../modules/identity';
import { createWorkspace } from '../modules/workspaces';
import { seedDemoPublishing } from './demoPublishing';
import { seedDemoCommunity } from './demoCommunity';

export const DEMO_PASSWORD = 'aurora-demo-2026';

/** Caffè Aurora, the demo brand of docs/JOURNEYS: one person per role. */
export const DEMO_PEOPLE: { email: string; name: string; roles: Role[]; locale: 'en' | 'it' | 'es' }[] = [
  { email: 'marta@caffeaurora.demo', name: 'Marta Rinaldi', roles: ['owner', 'marketing_manager'], locale: 'it' },
  { email: 'luca@caffeaurora.demo', name: 'Luca Bassi', roles: ['social_media_manager'], locale: 'it' },
  { email: 'giulia@caffeaurora.demo', name: 'Giulia Conti', roles: ['community_manager'], locale: 'it' },
  { email: 'sara@caffeaurora.demo', name: 'Sara Greco', roles: ['contributor'], locale: 'it' },
  { email: 'andrea@caffeaurora.demo', name: 'Andrea Marino', roles: ['analyst'], locale: 'en' },
  { email: 'paolo@agenzianodo.demo', name: 'Paolo Ferri', roles: ['social_media_manager', 'community_manager'], locale: 'it' },
  { email: 'elena@caffeaurora.demo', name: 'Elena Vidal', roles: ['client'], locale: 'es' },
];

/** Seeds only an empty database; returns whether it did. */
export async function seedDemo(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if (Number(row?.n) > 0) return false;
  await db.transaction(async (tx) => {
    const created = [];
    for (const p of DEMO_PEOPLE) created.push(await createUser({ db: tx, email: p.email, name: p.name, password: DEMO_PASSWORD, locale: p.locale }));
    const marta = created[0]!;
    const ws = await createWorkspace({ db: tx, user: { userId: marta.id, userName: marta.name }, name: 'Caffè Aurora', timeZone: 'Europe/Rome', meta: { ip: null, userAgent: 'seed' } });
    for (const [i, p] of DEMO_PEOPLE.entries()) {
      if (i === 0) continue;
      await tx.insert(workspaceMembers).values({ workspaceId: ws.id, userId: created[i]!.id, roles: p.roles, hat: p.roles[0]! });
    }
    await seedDemoPublishing(tx, { workspaceId: ws.id, marta, luca: created[1]! });
    await seedDemoCommunity(tx, { workspaceId: ws.id, giulia: created[2]! });
  });
  return true;
}

import { lt } from 'drizzle-orm';
import { z } from 'zod';
import { communityMemberTokens, communitySessions, sessions, passwordResets } from '../../../db/schema';
import { defineJob } from '../../../jobs/defineJob';

export const purgeExpired = defineJob({
  id: 'system.purgeExpired',
  payload: z.object({}).passthrough(),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  cron: '41 3 * * *',
  async handler(_payload, { db }) {
    const now = new Date();
    await db.delete(sessions).where(lt(sessions.expiresAt, now));
    await db.delete(passwordResets).where(lt(passwordResets.expiresAt, now));
    await db.delete(communitySessions).where(lt(communitySessions.expiresAt, now));
    await db.delete(communityMemberTokens).where(lt(communityMemberTokens.expiresAt, now));
  },
});

import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context';
import { communityMembers } from '../../../db/schema';
import type { MemberViewer } from '../policies';
import { presentMe } from '../presenters';

export interface UpdateMemberProfileOptions {
  ctx: AppContext;
  viewer: MemberViewer;
  input: {
    displayName?: string;
    avatarUrl?: string | null;
    bio?: string;
    languages?: string[];
    interests?: string[];
    notificationPrefs?: Record<string, unknown>;
  };
}

/** A member changes their own profile; notification preferences are merged, not replaced. */
export async function updateMemberProfile({ ctx, viewer, input }: UpdateMemberProfileOptions) {
  const { notificationPrefs, interests, ...rest } = input;
  const [row] = await ctx.db
    .update(communityMembers)
    .set({
      ...rest,
      ...(interests && { interests: [...new Set(interests)] }),
      ...(notificationPrefs && { notificationPrefs: { ...viewer.member.notificationPrefs, ...notificationPrefs } }),
    })
    .where(eq(communityMembers.id, viewer.member.id))
    .returning();
  return presentMe(row!, viewer.csrfToken);
}

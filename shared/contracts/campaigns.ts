import { z } from 'zod';
import { Id } from './common';

/** Mantine's colour names: the web app draws campaigns and channels in these. */
export const COLOR_NAMES = ['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;
export const ColorName = z.enum(COLOR_NAMES, { error: `Pick one of the colours: ${COLOR_NAMES.join(', ')}.` });

const CampaignName = z.string().trim().min(1, 'Give the campaign a name.').max(80, 'Keep the campaign name under 80 characters.');

export const Campaign = z.object({
  id: Id,
  name: z.string(),
  color: z.string(),
  /** Posts that belong to the campaign (any status). */
  postCount: z.number(),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;

export const CreateCampaignBody = z.strictObject({ name: CampaignName, color: ColorName.optional() });
export const UpdateCampaignBody = z.strictObject({ name: CampaignName.optional(), color: ColorName.optional() });

import { z } from 'zod';

export const WorkspaceParams = z.strictObject({ workspaceId: z.uuid('That is not a workspace id.') });

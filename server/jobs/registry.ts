import type { JobDefinition } from './defineJob';
import { systemJobs } from '../modules/system';
import { publishingJobs } from '../modules/publishing';
import { schedulingJobs } from '../modules/scheduling';
import { channelJobs } from '../modules/channels';
import { inboxJobs } from '../modules/inbox';
import { feedJobs } from '../modules/feeds';
import { communityJobs } from '../modules/community';

/** Every job type the workers know; modules export theirs from index.ts. */
export const allJobs: JobDefinition[] = [...systemJobs, ...publishingJobs, ...schedulingJobs, ...channelJobs, ...inboxJobs, ...feedJobs, ...communityJobs];

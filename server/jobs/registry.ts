import type { JobDefinition } from './defineJob';
import { systemJobs } from '../modules/system';
import { publishingJobs } from '../modules/publishing';
import { schedulingJobs } from '../modules/scheduling';
import { channelJobs } from '../modules/channels';
import { feedJobs } from '../modules/feeds';
import { communityJobs } from '../modules/community';

/** Every job type the workers know; modules export theirs from index.ts. */
export const allJobs: JobDefinition[] = [...systemJobs, ...publishingJobs, ...schedulingJobs, ...channelJobs, ...feedJobs, ...communityJobs];

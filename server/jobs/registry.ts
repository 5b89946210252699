import type { JobDefinition } from './defineJob';
import { systemJobs } from '../modules/system';

/** Every job type the workers know; modules export theirs from index.ts. */
export const allJobs: JobDefinition[] = [...systemJobs];

import { publishTarget } from './jobs/publishTarget';
import { sweepStranded } from './jobs/sweepStranded';

export { publishingRoutes } from './routes';
export const publishingJobs = [publishTarget, sweepStranded];

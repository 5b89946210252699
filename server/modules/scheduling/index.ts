import { collectMetrics } from './jobs/collectMetrics';

export { schedulingRoutes } from './routes';
export const schedulingJobs = [collectMetrics];

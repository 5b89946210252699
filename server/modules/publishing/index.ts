import { publishTarget } from './jobs/publishTarget';

export { publishingRoutes } from './routes';
export const publishingJobs = [publishTarget];

import { pollFeed } from './jobs/pollFeed';
import { pollFeeds } from './jobs/pollFeeds';

export { feedRoutes } from './routes';
export const feedJobs = [pollFeeds, pollFeed];

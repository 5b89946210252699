export { campaignRoutes } from './routes';

export { recordAudit } from './commands/recordAudit';
export { auditRoutes } from './routes';

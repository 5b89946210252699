export { workspaceRoutes } from './routes';
export { authorize } from './policies';
export { listMemberships } from './queries/listMemberships';
export { createWorkspace } from './commands/createWorkspace';

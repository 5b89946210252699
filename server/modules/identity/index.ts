export { identityRoutes } from './routes';
export { tokenRoutes } from './tokenRoutes';
export { resolveSession } from './queries/resolveSession';
export { resolveApiToken } from './queries/resolveApiToken';
export { createUser } from './commands/createUser';
export { SESSION_DAYS } from './commands/startSession';
export { hashPassword, verifyPassword } from './passwords';

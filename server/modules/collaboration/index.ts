export { collaborationRoutes } from './routes';
export { notify, type NotifyOptions } from './commands/notify';
export { notifyApprovers, DEFAULT_APPROVER_ROLES } from './commands/notifyApprovers';
export { notifyPostAuthor } from './commands/notifyPostAuthor';
export { excerpt } from './mentions';

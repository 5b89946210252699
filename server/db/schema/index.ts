export * from './identity';
export * from './workspaces';
export * from './audit';
export * from './publishing';
export * from './media';
export * from './calendar';
export * from './collaboration';
export * from './metrics';

export * from './identity';
export * from './workspaces';
export * from './audit';
export * from './publishing';

#!/usr/bin/env node
// Runs the TypeScript CLI directly: no build step between a fresh clone and a running Tandem.
import { register } from 'tsx/esm/api';

// Libraries (React's server renderer above all) choose their production build from NODE_ENV; several times faster.
process.env.NODE_ENV ??= 'production';
register();
await import('./main.ts');

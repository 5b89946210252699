#!/usr/bin/env node
// Runs the TypeScript CLI directly: no build step between a fresh clone and a running Tandem.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');

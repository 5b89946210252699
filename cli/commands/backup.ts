import type { Command } from 'commander';
export function backupCommand(_program: Command) {}
export function restoreCommand(_program: Command) {}

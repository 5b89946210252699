import type { Command } from 'commander';
export function doctorCommand(_program: Command) {}

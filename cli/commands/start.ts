import type { Command } from 'commander';
import { startTandem } from '../../server/main';
import { envFrom, withDbOptions } from './options';

export function startCommand(program: Command) {
  withDbOptions(program.command('start').description('Start Tandem (web, worker and scheduler in one process unless --roles says otherwise)'))
    .option('--port <port>', 'HTTP port (env PORT, default 3000)')
    .option('--roles <roles>', 'comma list of web,worker,scheduler (env TANDEM_ROLES)')
    .action(async (opts) => {
      await startTandem(envFrom(opts), { installSignalHandlers: true });
    });
}

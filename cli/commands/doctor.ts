import type { Command } from 'commander';
import { runDoctor, type CheckStatus } from '../../server/ops/doctor';
import { withDbOptions, type DbOptions } from './options';

const MARK: Record<CheckStatus, string> = { ok: '✓', warn: '⚠', fail: '✗', info: '·' };

export function doctorCommand(program: Command) {
  withDbOptions(program.command('doctor').description('Check that this machine and database are ready to run Tandem')).action(async (opts: DbOptions) => {
    const report = await runDoctor({
      overrides: { ...(opts.dataDir && { DATA_DIR: opts.dataDir }), ...(opts.databaseUrl && { DATABASE_URL: opts.databaseUrl }) },
    });
    console.log(`Tandem doctor (${report.mode ?? 'configuration invalid'} mode)`);
    const width = Math.max(...report.checks.map((c) => c.title.length));
    for (const c of report.checks) {
      console.log(`${MARK[c.status]} ${c.title.padEnd(width)}  ${c.detail}`);
      if (c.fix && (c.status === 'warn' || c.status === 'fail')) console.log(`  ${' '.repeat(width)}  → ${c.fix}`);
    }
    const failed = report.checks.filter((c) => c.status === 'fail').length;
    const warned = report.checks.filter((c) => c.status === 'warn').length;
    console.log(failed ? `\n${failed} check(s) failed.` : `\nAll checks passed${warned ? ` (${warned} warning(s))` : ''}.`);
    if (!report.ok) process.exitCode = 1;
  });
}

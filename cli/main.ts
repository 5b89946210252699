import { Command } from 'commander';
import { EnvError } from '../server/env';
import { startCommand } from './commands/start';
import { migrateCommand } from './commands/migrate';
import { seedCommand } from './commands/seed';
import { userCommand } from './commands/user';
import { backupCommand, restoreCommand } from './commands/backup';
import { doctorCommand } from './commands/doctor';
import { rotateKeyCommand } from './commands/rotateKey';
import { nlpCommand } from './commands/nlp';
import { importCommand } from './commands/importDump';

const program = new Command('tandem').description('Tandem: social media and community management side by side.').showHelpAfterError();
for (const add of [startCommand, migrateCommand, seedCommand, userCommand, backupCommand, restoreCommand, doctorCommand, rotateKeyCommand, nlpCommand, importCommand]) add(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // Errors a person can act on are printed plainly; anything else keeps its stack.
  console.error(err instanceof EnvError || (err as Error).name === 'DataDirLockedError' || (err as { userFacing?: boolean }).userFacing ? (err as Error).message : err);
  process.exit(1);
}

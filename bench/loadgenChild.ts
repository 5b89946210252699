// Child-process entry for the load generator, so the load and the server under test run on
// separate cores (the machine has two). Receives LoadOptions over IPC, answers with a LoadResult.
import { runLoad, type LoadOptions } from './loadgen';

process.once('message', (opts: LoadOptions) => {
  runLoad(opts).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (err: Error) => process.send!({ ok: false, error: err.message }, () => process.exit(1)),
  );
});

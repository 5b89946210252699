// Creates a new PGlite data folder in a short-lived process. initdb leaves ~800 MB of WASM memory
// behind in the process that ran it; a process that only reopens the folder idles at ~300 MB.
import { PGlite } from '@electric-sql/pglite';

const db = await PGlite.create(process.argv[2]);
await db.query('SELECT 1');
await db.close();

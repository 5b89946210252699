// Where the evaluation and training data live. The product never reads these at run time:
// only scripts (nlp:compare, later nlp:train) and tests do, so a missing folder is normal on a
// deployed machine and must not break anything that imports the library itself.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

// The data sets sit beside the repository (../shared/data), never inside it: they are large,
// carry their own licences, and their test splits are held back from us on purpose.
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export const sharedDataDir = resolve(repoRoot, '../shared/data');

export function hasSharedData(): boolean {
  return existsSync(resolve(sharedDataDir, 'xlm-t-sentiment')) && existsSync(resolve(sharedDataDir, 'tweeteval'));
}

import { describe, it } from 'vitest';
import { hasSharedData, sharedDataDir } from './paths';

/**
 * A describe() block that needs ../shared/data. Without the data sets it is skipped with a line
 * saying why, so a developer without them can still run the rest; under CI=true their absence is
 * a broken setup and fails.
 */
export function describeWithSharedData(name: string, body: () => void): void {
  const missing = `shared data sets not found at ${sharedDataDir} (../shared/data beside the repository)`;
  if (hasSharedData()) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs the shared data sets under CI', () => {
        throw new Error(missing);
      });
    });
  } else {
    console.warn(`skipping ${name}: ${missing}`);
    describe.skip(name, body);
  }
}

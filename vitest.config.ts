import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'cli/**/*.test.ts', 'web/src/**/*.test.ts', 'scripts/**/*.test.ts', 'connectors/**/*.test.ts', 'nlp/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // PGlite instances are large; two files at a time fit the 2-core machines this runs on.
    maxWorkers: 2,
  },
});

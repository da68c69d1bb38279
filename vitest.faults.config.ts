import { defineConfig } from 'vitest/config';

/**
 * The fault suite (`npm run test:faults`): real processes and services it starts itself, killed
 * and restarted on purpose. One file at a time: the files share the machine's two cores with
 * the PostgreSQL, Redis and CareRelay processes they start.
 */
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    reporters: ['default'],
  },
});

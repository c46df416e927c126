import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Time limits here catch a hung test, not a slow one: CI's machine is shared, and under a
      // load average of 15-20 on two cores a property test or an Argon2id unlock takes several
      // times as long as on a quiet one. Nothing asserts speed (that is `npm run bench`).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Argon2id at 64 MiB and real encrypted files: give each test room on a 2-core machine.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'packaging',
          include: ['tests/packaging/**/*.test.ts'],
          environment: 'node',
          // Builds out/ and packs the Windows app (tests/packaging): on a 2-core machine the
          // build and electron-builder's pass over node_modules take a minute or more.
          testTimeout: 60_000,
          hookTimeout: 600_000,
          // After the other projects, not beside them: the build would take the CPU their
          // timed Argon2id and crash tests need (groups run lowest first).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});

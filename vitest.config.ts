import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Argon2id at 64 MiB and real encrypted files: give each test room on a 2-core machine.
          testTimeout: 30_000,
          hookTimeout: 30_000,
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

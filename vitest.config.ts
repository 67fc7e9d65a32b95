import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/core/**/*.test.ts',
      'tests/storage/**/*.test.ts',
      'tests/node/**/*.test.ts',
      'tests/worker/**/*.test.ts',
    ],
    globalSetup: ['tests/setup/ensure-test-models.ts'],
    setupFiles: ['tests/setup/relaxed-simd.ts'],
    testTimeout: 60_000,
  },
});

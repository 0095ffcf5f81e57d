import { defineConfig } from 'vitest/config';

/**
 * Browser end-to-end tests: the built app (`dist/`, from `npm run build`) in Debian's Chromium through
 * playwright-core, against the fake OpenAI-compatible server. Run with `npm run test:e2e`.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    // One browser at a time: CI machines are small, and timings (streams, timeouts) must not starve.
    fileParallelism: false,
    testTimeout: 45_000,
    hookTimeout: 60_000,
  },
});

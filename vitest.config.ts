import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure core + DOM pieces under happy-dom, fast) and `e2e` (real Chromium and
// Firefox ESR with the built extension loaded; needs `npm run build` first — scripts/test.mjs does it).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

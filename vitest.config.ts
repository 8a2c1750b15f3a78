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
          // vitest's default is one worker per core but one: a single worker on a 2-core CI machine.
          // Unit files spend much of their time importing modules: two workers took 111 s to ~70 s.
          maxWorkers: 2,
          testTimeout: 30_000,
        },
      },
      // E2E: one project per browser so both run in parallel (one worker each); test files use
      // `describe.each(BROWSERS)` and the project narrows BROWSERS through GEXFOCUS_E2E_BROWSERS.
      // `vitest run --project 'e2e-*'` runs both.
      ...(['chromium', 'firefox'] as const).map((browser) => ({
        test: {
          name: `e2e-${browser}`,
          include: ['test/e2e/**/*.e2e.ts'],
          environment: 'node',
          env: { GEXFOCUS_E2E_BROWSERS: browser },
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // One module graph for all of a browser's files: the harness is loaded once, so the shared
          // Firefox (harness/firefox-pool.ts) outlives each file instead of starting 15 times a run.
          isolate: false,
        },
      })),
    ],
  },
});

import { defineConfig } from 'vitest/config';

/**
 * One vitest run across every package. The `@sextant/source` condition makes
 * `@sextant/*` imports resolve to `src/`, so tests run without a build.
 */
export default defineConfig({
  resolve: { conditions: ['@sextant/source'] },
  ssr: { resolve: { conditions: ['@sextant/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    poolOptions: { forks: { execArgv: ['--conditions=@sextant/source'] } },
  },
});

import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two tiers. `fast` (npm run test:fast): everything that needs no Chromium and no LibreOffice.
 * `office`: the files that print with Chromium or recalculate with LibreOffice, named
 * `*.chromium.test.ts` / `*.libreoffice.test.ts`. `vitest run` (npm test) runs both.
 */
const SLOW = ['test/**/*.chromium.test.ts', 'test/**/*.libreoffice.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The e2e tests spawn the compiled CLI: build it from the current sources first.
    globalSetup: ['test/build-cli.ts'],
    projects: [
      { extends: true, test: { name: 'fast', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...SLOW] } },
      { extends: true, test: { name: 'slow', include: SLOW } },
    ],
  },
});

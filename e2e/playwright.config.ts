import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';

/**
 * Browser tests in Debian's Chromium against the portal started with `yarn start`
 * (backend :7007, app :3000) on the embedded default configuration.
 */
const repoRoot = `${__dirname}/..`;

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: 'list',
  outputDir: '../node_modules/.cache/e2e-test-results',
  webServer: {
    command: 'node .yarn/releases/yarn-4.13.0.cjs start',
    cwd: repoRoot,
    url: 'http://localhost:3000',
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: 'http://localhost:3000',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
});

import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';

/**
 * Browser tests in Debian's Chromium against the portal started with `yarn start`
 * (backend :7007, app :3000) on the embedded default configuration.
 *
 * Two lanes side by side, one worker each. "own-backends" holds the specs that run
 * against backends of their own and leave the portal's backend alone (the page's calls
 * routed to their backend, or no page at all), and spend much of their time waiting for
 * those backends, their syncs and their events. "portal" holds all the others, one after
 * the other as before: they share the portal's state (user settings, the checklist).
 */
const repoRoot = `${__dirname}/..`;

/**
 * Specs that leave the portal's backend alone; all others are in the portal lane. Not
 * every such spec is here: `accessRequestNotification` (a backend of its own on a port of
 * its own) runs in the portal lane, so that the two lanes take about as long.
 */
const OWN_BACKENDS = [
  'accessibilityLive',
  'cluster',
  'clusterEvents',
  'liveEvents',
  'liveSignals',
  'temporaryAccess',
].map(name => `**/${name}.spec.ts`);

export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  projects: [
    { name: 'portal', testIgnore: OWN_BACKENDS, workers: 1 },
    { name: 'own-backends', testMatch: OWN_BACKENDS, workers: 1 },
  ],
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

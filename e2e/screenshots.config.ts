import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * Retakes the README screenshots (docs/*.png) against a running or freshly started portal:
 * `yarn playwright test -c e2e/screenshots.config.ts`. Not part of the test suite.
 */
export default defineConfig({
  ...base,
  // One lane: the test suite's projects split its own specs.
  projects: undefined,
  workers: 1,
  testDir: './screenshots',
  testMatch: '*.screenshot.ts',
  use: { ...base.use, viewport: { width: 1400, height: 1000 } },
});

import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  // Playwright's own browser download is not available; the tests use Debian's Chromium.
  throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (never \`npx playwright install\`)`);
}

/**
 * End-to-end tests of the whole UI through the HTTP bridge in Debian's Chromium (docs/ARCHITECTURE.md
 * "Environment facts"; Playwright's own browser download is not available, see .ci/run). Each test starts its own
 * bridge on a fresh copy of the sample workspace and a fresh case store (tests/e2e/fixtures).
 * They run the built app (dist/): `npm run build` first, as `npm test` does. Screenshots of every
 * screen land in test-results/screens/; AUSKUNFT_UPDATE_DOCS=1 also refreshes docs/screenshot-{search,overview,review,export}.png.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // Two workers for two cores; every test has its own bridge process, so they never share state.
  workers: process.env['CI'] ? 2 : undefined,
  fullyParallel: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env['CI'],
  reporter: process.env['CI'] ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
});

import { defineConfig } from "@playwright/test";

/**
 * Browser tests: Debian's Chromium (never a downloaded browser) against a real gateway on its
 * embedded database, started by the tests as a process (test/gateway.ts). Screenshots of each
 * screen go to test-results/screens/ (kept as CI artifacts, not committed).
 */
export default defineConfig({
  testDir: "test",
  outputDir: "test-results/output",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    locale: "fi-FI",
    timezoneId: "Europe/Helsinki",
    viewport: { width: 1280, height: 900 },
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // The CI machine runs as root, where Chromium's sandbox cannot start.
      args: ["--no-sandbox"],
    },
  },
});

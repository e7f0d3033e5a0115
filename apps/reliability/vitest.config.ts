import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  test: {
    globalSetup: ["../../packages/db/src/testing/global-setup.ts"],
    // One scenario at a time: each starts its own gateway (and database or worker) and loads the two
    // cores fully; running them side by side would only make their bounded waits flaky.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});

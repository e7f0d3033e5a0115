import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  test: {
    globalSetup: ["@ankkuri/db/testing/global-setup"],
    // One scenario at a time: each starts its own gateway (and database or worker) and loads the two
    // cores fully; running them side by side would only make their bounded waits flaky.
    fileParallelism: false,
    // Each scenario bounds its own waits; this only stops a hung one, so it is generous: on a shared
    // CI machine the 10 000 hostile requests took over two minutes. Full scale loads for minutes.
    testTimeout: process.env.RELIABILITY_SCALE === "full" ? 900_000 : 600_000,
    hookTimeout: 300_000,
  },
});

import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  test: {
    globalSetup: ["@ankkuri/db/testing/global-setup"],
    testTimeout: 60_000,
    // The command's test migrates a fresh embedded database before it starts: a minute and more
    // while the other packages test beside it.
    hookTimeout: 180_000,
  },
});

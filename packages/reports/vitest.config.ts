import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  test: {
    globalSetup: ["@ankkuri/db/testing/global-setup"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

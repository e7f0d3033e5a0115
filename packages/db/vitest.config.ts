import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  test: {
    globalSetup: ["./src/testing/global-setup.ts"],
    // Each file starts its own database; PGlite needs a moment to boot.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

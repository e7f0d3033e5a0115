import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  test: {
    // Property tests are bounded in runs; the timeout only guards against a hang on a busy machine.
    testTimeout: 30_000,
    coverage: {
      // The domain rules are the product's foundation: keep them fully exercised.
      thresholds: { lines: 95, branches: 90, functions: 95, statements: 95 },
    },
  },
});

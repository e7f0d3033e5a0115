import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  test: {
    coverage: {
      // The domain rules are the product's foundation: keep them fully exercised.
      thresholds: { lines: 95, branches: 90, functions: 95, statements: 95 },
    },
  },
});

import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  // The smoke run starts servers and generates data: minutes, not the unit tests' seconds.
  test: { testTimeout: 600_000, hookTimeout: 120_000 },
});

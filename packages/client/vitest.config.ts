import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  // The packed-install test runs npm and tsc in a scratch project: slow on a busy machine, never hung.
  test: { testTimeout: 300_000 },
});

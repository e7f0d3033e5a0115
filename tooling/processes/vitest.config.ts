import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  // Each test starts Node.js with the TypeScript loader, and the dev-token ones load the gateway's
  // configuration and the seed: seconds alone, over a minute while the other packages test beside them.
  test: { testTimeout: 180_000 },
});

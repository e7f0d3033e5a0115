import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  // Node resolves `graphql` to its CommonJS entry (the package has no exports map); Vite would pick
  // the ES module one. Two copies of graphql cannot share a schema, so tests use Node's choice too.
  resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
  test: {
    globalSetup: ["@ankkuri/db/testing/global-setup"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

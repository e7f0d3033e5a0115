import { defineProjectConfig } from "@ankkuri/vitest-config";
export default defineProjectConfig({ resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }, { find: "@ankkuri/reporter", replacement: "/tmp/stub/reporter.ts" }] }, test: { include: ["test/*.probe.test.ts"], globalSetup: ["../../packages/db/src/testing/global-setup.ts"], testTimeout: 60000, hookTimeout: 60000 } });

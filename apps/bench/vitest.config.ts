import { defineProjectConfig } from "@ankkuri/vitest-config";

export default defineProjectConfig({
  // The smoke run starts servers and generates data: minutes, not the unit tests' seconds (PostGraphile,
  // twice, and the gateway on Node.js 22 are three more servers, and Node.js 22 is installed once).
  test: { testTimeout: 1_200_000, hookTimeout: 120_000 },
});

import { defineProjectConfig } from "@ankkuri/vitest-config";

// Unit tests of the app's own logic; the flows run in Debian's chromium (`pnpm test:browser`).
export default defineProjectConfig({ test: { include: ["src/**/*.test.ts"] } });

import { withRuntime } from "./cli.js";

// `pnpm db:migrate`: applies pending migrations (idempotent; safe to run twice or concurrently).
await withRuntime("db:migrate", () => Promise.resolve(), { migrate: true });

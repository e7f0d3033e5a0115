import { z } from "zod";

// The settings of the benchmark's own server processes and load worker, each read once here and
// validated. The benchmark's come from its command line (`args.ts`), the report probe's database
// from `@ankkuri/db` (`parseDatabaseConfig`), validated there.

type Env = Record<string, string | undefined>;

const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);
const file = z.string().min(1);

const floorServerSchema = z.object({
  DATABASE_URL: z.string().min(1),
  // The gateway's default pool size, so that neither side has more connections.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PORT: port(4100),
});
const bareServerSchema = z.object({ PORT: port(0) });
const caseFromMemorySchema = z.object({ PORT: port(0), ANSWERS_FILE: file, SCHEMA_FILE: file });
const postgraphileSchema = z.object({
  DATABASE_URL: z.string().min(1),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  PORT: port(0),
  // Set: JWTs signed with it are verified and their claims become `jwt.claims.*` settings (RLS).
  JWT_SECRET: z.string().min(32).optional(),
});
const loadWorkerSchema = z.object({
  // The bearer token comes through the environment so that no file holds it.
  LOAD_AUTHORIZATION: z.string().min(1).optional(),
});

/** The floor server's settings: `DATABASE_URL`, `DATABASE_POOL_SIZE` (default 10) and `PORT` (default 4100). */
export function floorServerEnv(env: Env = process.env): z.output<typeof floorServerSchema> {
  return floorServerSchema.parse(env);
}

/** The bare graphql-yoga server's `PORT` (default 0: any free port). */
export function bareServerEnv(env: Env = process.env): z.output<typeof bareServerSchema> {
  return bareServerSchema.parse(env);
}

/** The case-from-memory server's `PORT`, its answers (`ANSWERS_FILE`) and the gateway's schema (`SCHEMA_FILE`). */
export function caseFromMemoryEnv(env: Env = process.env): z.output<typeof caseFromMemorySchema> {
  return caseFromMemorySchema.parse(env);
}

/** PostGraphile's database, pool size, `PORT` and, for the secured variant, `JWT_SECRET`. */
export function postgraphileEnv(env: Env = process.env): z.output<typeof postgraphileSchema> {
  return postgraphileSchema.parse(env);
}

/** The load worker's `LOAD_AUTHORIZATION` header, if the operations need one. */
export function loadWorkerEnv(env: Env = process.env): z.output<typeof loadWorkerSchema> {
  return loadWorkerSchema.parse(env);
}

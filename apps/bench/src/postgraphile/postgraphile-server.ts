import { createServer } from "node:http";
import { postgraphile } from "postgraphile";
import { makePgService } from "postgraphile/adaptors/pg";
import { grafserv } from "postgraphile/grafserv/node";
import { PostGraphileAmberPreset } from "postgraphile/presets/amber";
import { PgLazyJWTPreset } from "postgraphile/presets/lazy-jwt";
import { postgraphileEnv } from "../env.js";

// PostGraphile 5 (the peer of docs/benchmarks.md), run in its own process by the benchmark on the
// Node.js it needs (22 or later): the amber preset on the bench database's public schema, a pool of
// DATABASE_POOL_SIZE. Without JWT_SECRET it runs as it comes: no authorization at all. With it, its
// documented security model: a JWT's claims become `jwt.claims.*` settings and its `role` claim the
// role of the transaction, so the row-level security policies of `rls-setup.sql` decide what is seen.

const env = postgraphileEnv();

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset, ...(env.JWT_SECRET === undefined ? [] : [PgLazyJWTPreset])],
  pgServices: [
    makePgService({
      connectionString: env.DATABASE_URL,
      schemas: ["public"],
      poolConfig: { max: env.DATABASE_POOL_SIZE, application_name: "ankkuri-bench-postgraphile" },
    }),
  ],
  grafserv: {
    port: env.PORT,
    host: "127.0.0.1",
    graphiql: false,
    ...(env.JWT_SECRET === undefined ? {} : { pgJwtSecret: env.JWT_SECRET }),
  },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.keepAliveTimeout = 65_000;
await serv.addTo(server);
server.listen(env.PORT, "127.0.0.1", () => {
  process.stdout.write(`postgraphile ready on http://127.0.0.1:${String(env.PORT)} (node ${process.version})\n`);
});

function stop(): void {
  server.close();
  server.closeAllConnections();
  void Promise.resolve(pgl.release()).then(() => process.exit(0));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

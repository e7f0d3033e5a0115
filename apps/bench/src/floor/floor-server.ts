import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import postgres from "postgres";
import { floorServerEnv } from "../env.js";
import { caseDetail, caseList, chairCalendarOf, type FloorActor, fteDashboard } from "./floor-queries.js";

// The floor server (run in its own process by the benchmark): node:http and postgres.js answering
// the benchmarked operations with hand-written SQL. No framework, no authentication, no audit log.
// `DATABASE_URL`, `PORT`, `DATABASE_POOL_SIZE` (the gateway's default pool size, 10).

const env = floorServerEnv();
const sql = postgres(env.DATABASE_URL, {
  max: env.DATABASE_POOL_SIZE,
  onnotice: () => undefined,
  connection: { application_name: "ankkuri-bench-floor" },
});

const helsinkiDate = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
const today = () => helsinkiDate.format(new Date());

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function answer(req: IncomingMessage): Promise<[number, unknown]> {
  const u = new URL(req.url ?? "/", "http://floor");
  const q = (name: string) => u.searchParams.get(name) ?? "";
  const actor: FloorActor = { teamId: q("team"), organisationId: q("org") };
  switch (u.pathname) {
    case "/health":
      return [200, { status: "ok" }];
    case "/case-list":
      return [
        200,
        {
          data: {
            cases: await caseList(
              sql,
              actor,
              today(),
              Number(q("first") || "50"),
              q("status").split(",").filter(Boolean),
            ),
          },
        },
      ];
    case "/case":
      return [200, { data: { case: await caseDetail(sql, actor, today(), q("caseId")) } }];
    case "/fte":
      return [200, { data: { fteReport: await fteDashboard(sql, actor, { from: q("from"), to: q("to") }) } }];
    case "/chair-calendar":
      return [
        200,
        {
          data: {
            chairCalendar: await chairCalendarOf(
              sql,
              actor,
              q("bodyId"),
              q("from") || today(),
              Number(q("years") || "3"),
            ),
          },
        },
      ];
    default:
      return [404, { error: "not found" }];
  }
}

const server = createServer((req, res) => {
  answer(req).then(
    ([status, body]) => {
      send(res, status, body);
    },
    (error: unknown) => {
      send(res, 500, { error: error instanceof Error ? error.message : String(error) });
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(env.PORT, "127.0.0.1", () => {
  process.stdout.write(`floor ready on http://127.0.0.1:${String(env.PORT)}\n`);
});

function stop(): void {
  server.close();
  server.closeAllConnections();
  void sql.end({ timeout: 5 }).then(() => process.exit(0));
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

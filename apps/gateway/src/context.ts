import type { Database, Engine, IdentityVault, KeyMaterial } from "@ankkuri/db";
import { loadCases, type StoredCase } from "@ankkuri/db";
import type { Actor, Language, LocalDate } from "@ankkuri/domain";
import type { Reporter } from "@ankkuri/reporter";
import type { Logger } from "pino";
import { AuditCollector } from "./audit/audit-collector.js";
import type { AuditWriter } from "./audit/audit-writer.js";
import type { AuthFailure, TokenVerifier } from "./auth/token-verifier.js";
import { batchLoader } from "./batch-loader.js";
import { requestIdOf } from "./plugins/use-request-id.js";
import type { PreparedQueries } from "./prepared-queries.js";
import type { TeamCache, TeamSnapshot } from "./team-cache.js";

/** Long-lived things the gateway is built from (one set per process). */
export interface GatewayServices {
  db: Database;
  engine: Engine;
  keys: KeyMaterial;
  vault: IdentityVault;
  verifier: TokenVerifier;
  reporter: Reporter | null;
  /** False only in benchmarks that measure the audit log's cost. */
  auditLog: boolean;
  clock: () => Date;
  logger: Logger;
  /** Each team's dataset, reloaded only when it changed. */
  teams: TeamCache;
  /** Relational queries built once per selection shape. */
  queries: PreparedQueries;
  /** Writes the reads of concurrent requests to the audit log together. */
  audit: AuditWriter;
}

export type { OrganisationRow, TeamSnapshot } from "./team-cache.js";

/** What every resolver sees: who asks, in which language, and the request's audit collector. */
export interface GatewayContext {
  requestId: string;
  actor: Actor | null;
  authFailure: AuthFailure | null;
  language: Language;
  /** Today in Helsinki; rules take dates as arguments, this is the one place the gateway reads the clock. */
  today: LocalDate;
  audit: AuditCollector;
  services: GatewayServices;
  db: Database;
  /** The actor's team (organisations, agreement, staff, bodies), loaded at most once per request. */
  team(): Promise<TeamSnapshot>;
  /** The team once this request's `team()` has resolved, so that fields can answer without a promise. */
  loadedTeam(): TeamSnapshot | undefined;
  /** A case as the domain rules see it; every case asked for in one tick is loaded with one query. */
  storedCase(caseId: string): Promise<StoredCase | undefined>;
}

const helsinkiDate = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

let formatted = { minute: Number.NaN, day: "" };

/** The calendar day in Helsinki at `instant`. */
export function helsinkiDay(instant: Date): LocalDate {
  // Asked on every request; the day can only change on a minute boundary, and Intl formatting is not free.
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== formatted.minute) formatted = { minute, day: helsinkiDate.format(instant) };
  return formatted.day;
}

/** The preferred of fi, sv, en in an `Accept-Language` header (Finnish by default). */
export function preferredLanguage(header: string | null): Language {
  const ranked = (header ?? "")
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? "1");
      return { lang: tag.split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0 };
    })
    .filter((x): x is { lang: Language; q: number } => x.lang === "fi" || x.lang === "sv" || x.lang === "en")
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.lang ?? "fi";
}

/** Builds the context of one request: authenticates the bearer token (if any) and prepares the audit collector. */
export async function createContext(services: GatewayServices, request: Request): Promise<GatewayContext> {
  const requestId = requestIdOf(request);
  const auth = await services.verifier.verify(request.headers.get("authorization"));
  const actor = auth.ok ? auth.actor : null;
  let team: Promise<TeamSnapshot> | undefined;
  let loaded: TeamSnapshot | undefined;
  const teamOnce = () =>
    (team ??= actor
      ? services.teams.get(services.db, actor.teamId).then((snapshot) => (loaded = snapshot))
      : Promise.reject(new Error("team() needs an authenticated actor")));
  return {
    requestId,
    actor,
    authFailure: auth.ok ? null : auth.reason,
    language: preferredLanguage(request.headers.get("accept-language")),
    today: helsinkiDay(services.clock()),
    audit: new AuditCollector(requestId, actor, services.clock),
    services,
    db: services.db,
    team: teamOnce,
    storedCase: batchLoader(async (ids: string[]) => {
      if (!actor) return new Map<string, StoredCase>();
      const loaded = await loadCases(services.db, actor.teamId, ids);
      return new Map(loaded.map((c) => [c.case.id, c]));
    }),
    loadedTeam: () => loaded,
  };
}

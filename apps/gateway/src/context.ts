import type { AccessScope, Database, Engine, IdentityVault, KeyMaterial } from "@ankkuri/db";
import { loadCases, type StoredCase } from "@ankkuri/db";
import {
  accessChain,
  type Actor,
  type ActorRefusal,
  type Language,
  type LocalDate,
  unauthenticatedRefusals,
} from "@ankkuri/domain";
import type { Reporter } from "@ankkuri/reports";
import type { Logger } from "pino";
import { AuditCollector } from "./audit/audit-collector.js";
import type { AuditWriter } from "./audit/audit-writer.js";
import type { TokenFailure, TokenVerifier } from "./auth/token-verifier.js";
import { batchLoader } from "./batch-loader.js";
import { requestIdsOf } from "./plugins/use-request-id.js";
import type { GatewayMetrics } from "./metrics.js";
import type { PreparedQueries } from "./prepared-queries.js";
import { remembered } from "./settled-value.js";
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
  /** Controllers whose clients' access-log extracts name people (deployment policy). */
  namedControllers: readonly string[];
  clock: () => Date;
  logger: Logger;
  /** Each team's dataset, reloaded only when it changed. */
  teams: TeamCache;
  /** Relational queries built once per selection shape. */
  queries: PreparedQueries;
  /** Writes the reads of concurrent requests to the audit log together. */
  audit: AuditWriter;
  /** The most a query may cost (`MAX_COST`; src/schema/complexity.ts). */
  maxCost: number;
  /** Prometheus metrics (served on their own port). */
  metrics: GatewayMetrics;
}

export type { OrganisationRow, TeamSnapshot } from "./team-cache.js";

/**
 * Why a request has no actor: no valid token, a person the database does not know (both
 * UNAUTHENTICATED), or a known person with nothing they may do today (FORBIDDEN).
 */
export type AuthFailure =
  | { code: "UNAUTHENTICATED"; reason: TokenFailure | ActorRefusal | "TEAM_AMBIGUOUS" }
  | { code: "FORBIDDEN"; reason: ActorRefusal };

/** What every resolver sees: who asks, in which language, and the request's audit collector. */
export interface GatewayContext {
  requestId: string;
  /** The person on today's date, from the database (`resolveActor`); null without one. */
  actor: Actor | null;
  authFailure: AuthFailure | null;
  /** Whose memberships open a case to the actor, and on which day (null without an actor). */
  access: AccessScope | null;
  language: Language;
  /** Today in Helsinki; rules take dates as arguments, this is the one place the gateway reads the clock. */
  today: LocalDate;
  audit: AuditCollector;
  services: GatewayServices;
  db: Database;
  /** The actor's team (organisations, agreement, staff, bodies), loaded at most once per request. */
  team(): Promise<TeamSnapshot>;
  /**
   * After a committed write: `team()` answers from the dataset as it is now, so that a mutation's
   * payload shows its own change (one version read; the cache reloads only what changed).
   */
  refreshTeam(): void;
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

/** Who asks: the token proves the login; the database on `today` says what they may do. */
async function authenticate(
  services: GatewayServices,
  request: Request,
  today: LocalDate,
): Promise<{ actor: Actor; team: TeamSnapshot } | { failure: AuthFailure }> {
  const auth = await services.verifier.verify(request.headers.get("authorization"));
  if (!auth.ok) return { failure: { code: "UNAUTHENTICATED", reason: auth.reason } };
  const resolved = await services.teams.actor(services.db, auth.identity, today);
  if (resolved.ok) return resolved.value;
  const reason = resolved.error;
  if (reason === "TEAM_AMBIGUOUS" || unauthenticatedRefusals.includes(reason)) {
    return { failure: { code: "UNAUTHENTICATED", reason } };
  }
  return { failure: { code: "FORBIDDEN", reason: reason } };
}

/**
 * Builds the context of one request: authenticates the bearer token (if any), resolves the actor
 * from the database, and prepares the audit collector.
 */
export async function createContext(services: GatewayServices, request: Request): Promise<GatewayContext> {
  const { requestId, correlationId } = requestIdsOf(request);
  const today = helsinkiDay(services.clock());
  const auth = await authenticate(services, request, today);
  const actor = "actor" in auth ? auth.actor : null;
  const loaded = "team" in auth ? auth.team : undefined;
  // Remembered, so that fields answering from the team can read it without waiting (`settledValue`).
  let team = remembered(
    loaded ? Promise.resolve(loaded) : Promise.reject<TeamSnapshot>(new Error("team() needs an authenticated actor")),
  );
  const access =
    actor && loaded
      ? { teamId: actor.teamId, organisations: accessChain(actor.organisationId, loaded.organisations), day: today }
      : null;
  return {
    requestId,
    actor,
    authFailure: "failure" in auth ? auth.failure : null,
    access,
    language: preferredLanguage(request.headers.get("accept-language")),
    today,
    audit: new AuditCollector(requestId, actor, services.clock, correlationId),
    services,
    db: services.db,
    team: () => team,
    storedCase: batchLoader(async (ids: string[]) => {
      if (!actor) return new Map<string, StoredCase>();
      const loaded = await loadCases(services.db, actor.teamId, ids);
      return new Map(loaded.map((c) => [c.case.id, c]));
    }),
    refreshTeam: () => {
      if (!actor) return;
      team = remembered(services.teams.get(services.db, actor.teamId));
    },
  };
}

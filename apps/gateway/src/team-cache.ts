import { type Database, loadTeamDataset, teamDatasetVersion, teamsOfLogin } from "@ankkuri/db";
import {
  type Actor,
  type ActorRefusal,
  type LocalDate,
  indexOrganisations,
  type OrganisationIndex,
  resolveActor,
  type Result,
  type TeamDataset,
  type TokenClaims,
} from "@ankkuri/domain";
import type { TokenIdentity } from "./auth/claims.js";
import { freshRead } from "./fresh-read.js";

/** A row of the organisations table. */
export type OrganisationRow = NonNullable<Awaited<ReturnType<Database["query"]["organisations"]["findFirst"]>>>;

/** A team's dataset with its organisation index, and the organisation rows fields resolve to. */
export interface TeamSnapshot {
  dataset: TeamDataset;
  organisations: OrganisationIndex;
  organisationRows: Map<string, OrganisationRow>;
}

/** Why a verified token gives no actor: the domain's refusals, or a login in several teams with none named. */
export type ActorResolution = Result<{ actor: Actor; team: TeamSnapshot }, ActorRefusal | "TEAM_AMBIGUOUS">;

/** The team was not found (its token names a team this database does not hold). */
export class UnknownTeamError extends Error {
  override readonly name = "UnknownTeamError";
  constructor(readonly teamId: string) {
    super(`team ${teamId} not found`);
  }
}

/**
 * Keeps each team's dataset (organisations, agreement, staff, bodies) in memory for as long as its
 * `dataset_version` is unchanged. Building it is one large relational query and a validation, the
 * bulk of a small request's cost; checking the version is one indexed read. Triggers bump the
 * version on every change to those tables, whichever process makes it, so no instance serves a
 * stale dataset after the change is committed. Concurrent requests share version reads, each
 * answered by a read that started after it asked (`freshRead`): under load one read serves the
 * requests that arrived while the one before it was on its way.
 */
export class TeamCache {
  readonly #entries = new Map<string, { version: number; snapshot: Promise<TeamSnapshot> }>();
  readonly #versions = new WeakMap<Database, Map<string, () => Promise<number | null>>>();
  readonly #logins = new WeakMap<Database, Map<string, () => Promise<{ teamId: string; version: number }[]>>>();
  readonly #actors = new WeakMap<TeamSnapshot, Map<string, Result<Actor, ActorRefusal>>>();
  #loads = 0;

  /** How many times a dataset was loaded from the database (for tests and metrics). */
  get loads(): number {
    return this.#loads;
  }

  async get(db: Database, teamId: string): Promise<TeamSnapshot> {
    const version = await this.#versionReader(db, teamId)();
    if (version === null) throw new UnknownTeamError(teamId);
    return this.#at(db, teamId, version);
  }

  /**
   * Who the token's person is on `day` and what they may do, from the database alone: the teams their
   * login has an account in (one shared, indexed read, which also gives each team's dataset version),
   * then `resolveActor` on that team's cached dataset. A token that names a team picks among the
   * person's teams; a person in several teams must name one. Ending an assignment, a role or an
   * account changes the dataset version, so it takes effect on the next request.
   */
  async actor(db: Database, identity: TokenIdentity, day: LocalDate): Promise<ActorResolution> {
    const teams = await this.#loginReader(db, identity.login)();
    const chosen =
      identity.claims.teamId === undefined
        ? teams.length === 1
          ? teams[0]
          : undefined
        : teams.find((t) => t.teamId === identity.claims.teamId);
    if (!chosen) {
      const reason =
        teams.length === 0 ? "USER_UNKNOWN" : identity.claims.teamId ? "CLAIMS_MISMATCH" : "TEAM_AMBIGUOUS";
      return { ok: false, error: reason };
    }
    const team = await this.#at(db, chosen.teamId, chosen.version);
    const claims: TokenClaims = { organisationId: identity.claims.organisationId, roles: identity.claims.roles };
    const key = `${identity.login}|${day}|${claims.organisationId ?? ""}|${claims.roles?.join() ?? ""}`;
    let actors = this.#actors.get(team);
    if (!actors) this.#actors.set(team, (actors = new Map<string, Result<Actor, ActorRefusal>>()));
    let actor = actors.get(key);
    if (!actor) {
      actor = resolveActor(team.dataset, identity.login, day, claims);
      // A day's answers for the people of one dataset: bounded, since logins and days are the callers'.
      if (actors.size >= 10_000) actors.clear();
      actors.set(key, actor);
    }
    return actor.ok ? { ok: true, value: { actor: actor.value, team } } : actor;
  }

  #at(db: Database, teamId: string, version: number): Promise<TeamSnapshot> {
    const hit = this.#entries.get(teamId);
    // Versions only grow: a snapshot at least as new as the one asked for is fresh enough.
    if (hit !== undefined && hit.version >= version) return hit.snapshot;
    this.#loads += 1;
    // Loaded after the version was read, so it is at least that new; a newer one only costs a reload.
    // Organisations are shared by the teams; a change to them bumps every team's version too.
    const snapshot = Promise.all([loadTeamDataset(db, teamId), db.query.organisations.findMany()]).then(
      ([dataset, rows]) => {
        if (!dataset) throw new UnknownTeamError(teamId);
        return {
          dataset,
          organisations: indexOrganisations(dataset.organisations),
          organisationRows: new Map(rows.map((r) => [r.id, r])),
        };
      },
    );
    const entry = { version, snapshot };
    this.#entries.set(teamId, entry);
    snapshot.catch(() => {
      if (this.#entries.get(teamId) === entry) this.#entries.delete(teamId);
    });
    return snapshot;
  }

  #loginReader(db: Database, login: string): () => Promise<{ teamId: string; version: number }[]> {
    let byLogin = this.#logins.get(db);
    if (!byLogin)
      this.#logins.set(db, (byLogin = new Map<string, () => Promise<{ teamId: string; version: number }[]>>()));
    let read = byLogin.get(login);
    if (!read) {
      // Logins are the callers' to choose: keep the readers of the most recent ones only.
      if (byLogin.size >= 10_000) byLogin.delete(byLogin.keys().next().value as string);
      byLogin.set(login, (read = freshRead(() => teamsOfLogin(db, login))));
    }
    return read;
  }

  #versionReader(db: Database, teamId: string): () => Promise<number | null> {
    let byTeam = this.#versions.get(db);
    if (!byTeam) this.#versions.set(db, (byTeam = new Map<string, () => Promise<number | null>>()));
    let read = byTeam.get(teamId);
    if (!read) byTeam.set(teamId, (read = freshRead(() => teamDatasetVersion(db, teamId))));
    return read;
  }
}

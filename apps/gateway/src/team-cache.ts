import { type Database, loadTeamDataset, teamDatasetVersion } from "@ankkuri/db";
import { indexOrganisations, type OrganisationIndex, type TeamDataset } from "@ankkuri/domain";
import { freshRead } from "./fresh-read.js";

/** A row of the organisations table. */
export type OrganisationRow = NonNullable<Awaited<ReturnType<Database["query"]["organisations"]["findFirst"]>>>;

/** A team's dataset with its organisation index, and the organisation rows fields resolve to. */
export interface TeamSnapshot {
  dataset: TeamDataset;
  organisations: OrganisationIndex;
  organisationRows: Map<string, OrganisationRow>;
}

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
  #loads = 0;

  /** How many times a dataset was loaded from the database (for tests and metrics). */
  get loads(): number {
    return this.#loads;
  }

  async get(db: Database, teamId: string): Promise<TeamSnapshot> {
    const version = await this.#versionReader(db, teamId)();
    if (version === null) throw new UnknownTeamError(teamId);
    const hit = this.#entries.get(teamId);
    if (hit?.version === version) return hit.snapshot;
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

  #versionReader(db: Database, teamId: string): () => Promise<number | null> {
    let byTeam = this.#versions.get(db);
    if (!byTeam) this.#versions.set(db, (byTeam = new Map<string, () => Promise<number | null>>()));
    let read = byTeam.get(teamId);
    if (!read) byTeam.set(teamId, (read = freshRead(() => teamDatasetVersion(db, teamId))));
    return read;
  }
}

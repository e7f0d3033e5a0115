import {
  helsinkiAnkkuri,
  helsinkiOrganisationIds,
  membershipContext,
  referralMemberships,
  testIdentityCode,
} from "@ankkuri/domain";
import { eq, getTableName, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Executor } from "../client.js";
import { createIdentityVault } from "../keys/identity-vault.js";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import { queryRows } from "../query-rows.js";
import { relations } from "../schema/relations.js";
import { organisations, staff, teams } from "../schema/tables.js";
import { createTestDatabase, seededTestDatabase, testEngines } from "../testing/index.js";
import { newId, referCase } from "./case-repository.js";
import { loadTeamDataset, teamDatasetVersion, teamDatasetWith } from "./team-dataset.js";

const teamId = helsinkiAnkkuri.team.id;
const vault = createIdentityVault(parseKeyMaterial(generateKeySettings()));

describe.each(testEngines)("the team dataset's version on %s", (engine) => {
  const database = seededTestDatabase(engine);

  const version = () => teamDatasetVersion(database.db, teamId);

  it("is null for a team that does not exist", async () => {
    expect(await teamDatasetVersion(database.db, "team-none")).toBeNull();
  });

  it("stays the same for client data, which is not part of the dataset", async () => {
    const before = await version();
    const { agreement } = helsinkiAnkkuri;
    await referCase(database.db, vault, {
      teamId,
      caseId: newId(),
      type: "youth-crime",
      referredOn: "2025-03-01",
      referralSource: "police",
      referredByOrganisationId: helsinkiOrganisationIds.policePrevention,
      client: { identityCode: testIdentityCode("2011-04-05", 951), givenName: "Eetu", familyName: "Esimerkki" },
      guardians: [],
      memberships: referralMemberships(
        { referredOn: "2025-03-01", referredByOrganisationId: helsinkiOrganisationIds.policePrevention },
        membershipContext(agreement, "2025-03-01"),
      ),
    });
    expect(await version()).toBe(before);
  });

  it("changes with staff, organisations and the team row, and the reloaded dataset shows the change", async () => {
    const v0 = await version();
    const [person] = await database.db.select().from(staff).where(eq(staff.teamId, teamId)).limit(1);
    await database.db
      .update(staff)
      .set({ title: "Vanhempi konstaapeli" })
      .where(eq(staff.id, person?.id ?? ""));
    const v1 = await version();
    expect(v1).not.toBe(v0);
    expect((await loadTeamDataset(database.db, teamId))?.staff.find((s) => s.id === person?.id)?.title).toBe(
      "Vanhempi konstaapeli",
    );
    await database.db
      .update(organisations)
      .set({ shortName: "HPL" })
      .where(eq(organisations.id, helsinkiAnkkuri.team.policeDepartmentId));
    const v2 = await version();
    expect(v2).not.toBe(v1);
    await database.db.update(teams).set({ nameEn: "Ankkuri Helsinki (EN)" }).where(eq(teams.id, teamId));
    expect(await version()).not.toBe(v2);
  });

  it("does not change when the change is rolled back", async () => {
    const before = await version();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update staff set title = 'x' where team_id = ${teamId}`);
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(await version()).toBe(before);
  });
});

/** A relational query's `with` tree: each relation read, and what is read below it. */
type WithTree = Readonly<Record<string, true | { readonly with?: WithTree; readonly orderBy?: unknown }>>;

/** The tables (SQL names) a relational query from `from` with `tree` reads, `from` itself included. */
function tablesRead(from: string, tree: WithTree): string[] {
  const config = (relations as Record<string, { table: Parameters<typeof getTableName>[0]; relations: object }>)[from];
  if (!config) throw new Error(`no relations of ${from}`);
  const below = Object.entries(tree).flatMap(([name, nested]) => {
    const relation = (config.relations as Record<string, { targetTableName: string } | undefined>)[name];
    if (!relation) throw new Error(`${from} has no relation ${name}`);
    return tablesRead(relation.targetTableName, nested === true ? {} : (nested.with ?? {}));
  });
  return [getTableName(config.table), ...below];
}

// Derived from the query itself, so a relation added to the dataset is checked without a list to update.
const datasetTables = [...new Set([...tablesRead("teams", teamDatasetWith), getTableName(organisations)])].sort();

/** The tables of the dataset that lack an enabled `<table>_bump_dataset_version` trigger. */
async function tablesWithoutBump(db: Executor): Promise<string[]> {
  const triggers = await queryRows<{ table: string; name: string }>(
    db,
    sql`select c.relname as "table", t.tgname as "name" from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where not t.tgisinternal and t.tgenabled <> 'D' and c.relnamespace = 'public'::regnamespace`,
  );
  const bumped = new Set(triggers.filter((t) => t.name === `${t.table}_bump_dataset_version`).map((t) => t.table));
  return datasetTables.filter((table) => !bumped.has(table));
}

describe("the tables of the team dataset", () => {
  it("are every table loadTeamDataset reads, down to the approvals of joining decisions", () => {
    expect(datasetTables).toEqual(
      expect.arrayContaining(["teams", "organisations", "agreements", "joining_approvals"]),
    );
    expect(datasetTables.length).toBeGreaterThanOrEqual(19);
  });
});

describe.each(testEngines)("the tables of the team dataset on %s", (engine) => {
  it("each bump the dataset version on a write (a trigger of their own)", async () => {
    const database = await createTestDatabase(engine);
    try {
      expect(await tablesWithoutBump(database.db)).toEqual([]);
      // The check sees a missing trigger (so it can fail).
      await database.db.execute(sql`drop trigger seats_bump_dataset_version on seats`);
      expect(await tablesWithoutBump(database.db)).toEqual(["seats"]);
    } finally {
      await database.dispose();
    }
  });
});

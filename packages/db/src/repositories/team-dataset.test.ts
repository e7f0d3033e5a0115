import {
  helsinkiAnkkuri,
  helsinkiOrganisationIds,
  membershipContext,
  referralMemberships,
  testIdentityCode,
} from "@ankkuri/domain";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createIdentityVault } from "../keys/identity-vault.js";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import { organisations, staff, teams } from "../schema/tables.js";
import { seededTestDatabase, testEngines } from "../testing/index.js";
import { newId, referCase } from "./case-repository.js";
import { loadTeamDataset, teamDatasetVersion } from "./team-dataset.js";

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

import { generateKeySettings, parseKeyMaterial, schema, seedTeam } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase } from "@ankkuri/db/testing";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRetentionTick } from "./retention-schedule.js";

const teamId = helsinkiAnkkuri.team.id;
const keys = parseKeyMaterial(generateKeySettings());
const caseId = "0190f5a4-7c2e-7000-8000-0000000ca5e1";
const clientId = "0190f5a4-7c2e-7000-8000-0000000c1e71";

describe("the nightly retention run", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await seedTeam(database.db, helsinkiAnkkuri);
    await database.db
      .insert(schema.clients)
      .values({ teamId, id: clientId, birthDate: "2008-04-05", givenName: "Eetu", familyName: "Esimerkki" });
    await database.db.insert(schema.cases).values({
      teamId,
      id: caseId,
      clientId,
      type: "youth-crime",
      status: "closed",
      referredOn: "2018-01-10",
      referralSource: "police",
      selectionStartedOn: "2018-01-11",
      decidedOn: "2018-01-12",
      closedOn: "2019-06-30",
      closeReason: "goals-met",
    });
    await database.db.insert(schema.caseMemberships).values({
      teamId,
      caseId,
      id: "0190f5a4-7c2e-7000-8000-0000000ce3b1",
      organisationId: org.policePrevention,
      basis: "selecting-unit",
      validFrom: "2018-01-10",
      validTo: "2019-06-30",
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("removes with the documented defaults what is due, and a repeated tick changes nothing", async () => {
    const now = new Date("2026-11-22T01:00:00Z");
    expect(await runRetentionTick(database.db, now, { auditKey: keys.auditKey })).toBe(1);
    expect(await runRetentionTick(database.db, now, { auditKey: keys.auditKey })).toBe(0);
    expect(await database.db.select().from(schema.cases)).toEqual([]);
  });
});

import { seedTeam } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientRightsRequester } from "./requester.js";

const teamId = helsinkiAnkkuri.team.id;
const day = "2026-11-22";

describe.each(testEngines)("who an operator's client's-rights command runs for, on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedTeam(database.db, helsinkiAnkkuri);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("is an auditor for the whole team or any one controller, with the roles the database gives", async () => {
    expect(await clientRightsRequester(database.db, teamId, "outi.tarkka", day)).toEqual({
      requester: { login: "outi.tarkka", organisationId: org.cityExecutiveOffice, roles: ["auditor"] },
      scope: { kind: "team" },
    });
    const narrowed = await clientRightsRequester(database.db, teamId, "outi.tarkka", day, org.police);
    expect(narrowed.scope).toEqual({ kind: "controller", controllerId: org.police });
  });

  it("is a registry office for its own controller only", async () => {
    const own = await clientRightsRequester(database.db, teamId, "liisa.kirjava", day);
    expect(own.scope).toEqual({ kind: "controller", controllerId: org.sotepe });
    expect(await clientRightsRequester(database.db, teamId, "liisa.kirjava", day, org.sotepe)).toEqual(own);
    await expect(clientRightsRequester(database.db, teamId, "liisa.kirjava", day, org.police)).rejects.toMatchObject({
      code: "REPORT.REQUESTER_NOT_ALLOWED",
    });
  });

  it("refuses a login nobody has, a caseworker, another team and the default a typed command used to log", async () => {
    for (const [team, login] of [
      [teamId, "keksitty.kayttaja"],
      [teamId, "maria.jarvinen"],
      [teamId, "cli"],
      ["team-other", "outi.tarkka"],
    ] as const) {
      const refused = clientRightsRequester(database.db, team, login, day);
      await expect(refused).rejects.toMatchObject({ code: "REPORT.REQUESTER_NOT_ALLOWED" });
      await expect(refused).rejects.toThrow(login);
    }
  });
});

import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { describe, expect, it } from "vitest";
import type { Executor } from "../client.js";
import { constraintViolation } from "../errors.js";
import { caseLinkGroupCases, caseLinkGroups } from "../schema/tables.js";
import { referTestCase, seededTestDatabase, testEngines } from "../testing/index.js";
import { caseAccessRecords, endCaseLink, insertCaseLink, liveLinksOf, loadCaseLink } from "./case-link-repository.js";
import { newId } from "./case-repository.js";

const teamId = helsinkiAnkkuri.team.id;
/** A domestic-violence case Youth Services referred. */
const refer = (db: Executor) => referTestCase(db, "domestic-violence", org.youthServices);

describe.each(testEngines)("the case link repository on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("writes a link with its cases in order, finds it from any of them, and keeps it when ended", async () => {
    const [a, b, c] = [await refer(database.db), await refer(database.db), await refer(database.db)];
    const id = newId();
    const cases = [
      { caseId: b, role: "victim" as const },
      { caseId: a, role: "perpetrator" as const },
      { caseId: c, role: "witness-child" as const },
    ];
    await insertCaseLink(
      database.db,
      teamId,
      { id, relation: "domestic-violence-parties", cases, linkedOn: "2025-03-02" },
      "maria.jarvinen",
    );
    const live = await liveLinksOf(database.db, teamId, [c]);
    expect(live).toEqual([
      { id, relation: "domestic-violence-parties", cases, linkedOn: "2025-03-02", unlinkedOn: null },
    ]);
    expect(await liveLinksOf(database.db, "team-other", [c])).toEqual([]);
    expect(await liveLinksOf(database.db, teamId, ["not-a-uuid"])).toEqual([]);

    expect(await endCaseLink(database.db, teamId, id, "2025-03-05", "maria.jarvinen")).toBe(true);
    expect(await endCaseLink(database.db, teamId, id, "2025-03-06", "maria.jarvinen")).toBe(false);
    expect(await liveLinksOf(database.db, teamId, [a, b, c])).toEqual([]);
    expect((await loadCaseLink(database.db, teamId, id))?.unlinkedOn).toBe("2025-03-05");
    expect(await loadCaseLink(database.db, teamId, newId())).toBeNull();
  });

  it("refuses an unknown relation or role, a case of no team's, and an end before the link", async () => {
    const [a, b] = [await refer(database.db), await refer(database.db)];
    const id = newId();
    const attempts = [
      () =>
        database.db
          .insert(caseLinkGroups)
          .values({ teamId, id: newId(), relation: "cousins" as "siblings", linkedOn: "2025-03-02", linkedBy: "x" }),
      async () => {
        await database.db
          .insert(caseLinkGroups)
          .values({ teamId, id, relation: "siblings", linkedOn: "2025-03-02", linkedBy: "x" });
        await database.db
          .insert(caseLinkGroupCases)
          .values({ teamId, linkId: id, caseId: a, role: "bystander" as "victim", position: 0 });
      },
      () =>
        database.db.insert(caseLinkGroupCases).values({ teamId, linkId: id, caseId: newId(), role: null, position: 1 }),
      () => endCaseLink(database.db, teamId, id, "2025-03-01", "x"),
    ];
    for (const attempt of attempts) {
      const refused = await attempt().then(
        () => null,
        (error: unknown) => constraintViolation(error)?.kind ?? String(error),
      );
      expect(refused).not.toBeNull();
    }
    await database.db.insert(caseLinkGroupCases).values({ teamId, linkId: id, caseId: b, role: null, position: 0 });
    expect((await loadCaseLink(database.db, teamId, id))?.cases).toEqual([{ caseId: b, role: null }]);
  });

  it("reads the access records of a team's cases in one query, skipping other ids", async () => {
    const a = await refer(database.db);
    const found = await caseAccessRecords(database.db, teamId, [a, newId(), "nonsense"]);
    expect([...found.keys()]).toEqual([a]);
    expect(
      found
        .get(a)
        ?.memberships.map((m) => [m.organisationId, m.basis])
        .sort(),
    ).toEqual(
      [
        [org.policePrevention, "selecting-unit"],
        [org.psychiatry, "selecting-unit"],
        [org.socialEmergency, "selecting-unit"],
        [org.youthServices, "referrer"],
      ].sort(),
    );
  });
});

import {
  addDays,
  caseAccessOn,
  helsinkiAnkkuri,
  helsinkiOrganisationIds as org,
  type MembershipBasis,
  membershipBases,
} from "@ankkuri/domain";
import fc from "fast-check";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import * as t from "../schema/tables.js";
import { seededTestDatabase, testEngines } from "../testing/index.js";
import { visibleCaseIds } from "./case-visibility.js";

const teamId = helsinkiAnkkuri.team.id;
const organisations = [org.policePrevention, org.socialEmergency, org.youthServices, org.education] as const;
const firstDay = "2026-01-01";

interface Membership {
  organisationId: string;
  basis: MembershipBasis;
  from: string;
  to: string | null;
}

const membershipArb: fc.Arbitrary<Membership> = fc
  .record({
    organisationId: fc.constantFrom(...organisations),
    basis: fc.constantFrom(...membershipBases),
    start: fc.integer({ min: 0, max: 30 }),
    length: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  })
  .map(({ organisationId, basis, start, length }) => ({
    organisationId,
    basis,
    from: addDays(firstDay, start),
    to: length === null ? null : addDays(firstDay, start + length),
  }));

describe.each(testEngines)("the case-visibility filter on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("opens exactly the cases the domain's need-to-know rule opens, for every organisation and day", async () => {
    const db = database.db;
    const histories = fc.sample(fc.array(membershipArb, { maxLength: 4 }), { numRuns: 40, seed: 20_261_206 });
    const caseIds = histories.map(() => uuidv7());
    for (const [i, memberships] of histories.entries()) {
      const clientId = uuidv7();
      const caseId = caseIds[i] ?? "";
      await db
        .insert(t.clients)
        .values({ teamId, id: clientId, birthDate: "2010-01-01", givenName: "A", familyName: "B" });
      await db.insert(t.cases).values({
        teamId,
        id: caseId,
        clientId,
        type: "youth-crime",
        status: "referred",
        referredOn: firstDay,
        referralSource: "police",
      });
      if (memberships.length > 0) {
        await db.insert(t.caseMemberships).values(
          memberships.map((m) => ({
            teamId,
            caseId,
            id: uuidv7(),
            organisationId: m.organisationId,
            basis: m.basis,
            validFrom: m.from,
            validTo: m.to,
          })),
        );
      }
    }
    let opened = 0;
    for (const organisationId of organisations) {
      for (const offset of [-1, 0, 7, 15, 29, 45, 70]) {
        const day = addDays(firstDay, offset);
        const chain = [organisationId, org.city];
        const visible = await visibleCaseIds(db, { teamId, organisations: chain, day }, caseIds);
        const expected = caseIds.filter((_, i) => caseAccessOn(histories[i] ?? [], chain, day) !== null);
        expect([...visible].sort(), `${organisationId} on ${day}`).toEqual(expected.sort());
        opened += visible.size;
      }
    }
    // Not vacuous: some organisation saw some case on some day, and not every case on every day.
    expect(opened).toBeGreaterThan(0);
    expect(opened).toBeLessThan(organisations.length * 7 * caseIds.length);
    expect(
      await visibleCaseIds(db, { teamId: "team-other", organisations: [org.policePrevention], day: firstDay }, caseIds),
    ).toEqual(new Set());
    expect(
      await visibleCaseIds(db, { teamId, organisations: [org.policePrevention], day: firstDay }, ["not-a-uuid"]),
    ).toEqual(new Set());
  });
});

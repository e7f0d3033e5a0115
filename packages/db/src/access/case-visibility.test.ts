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
import { insertClientCase, seededTestDatabase, testEngines } from "../testing/index.js";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { queryRows } from "../query-rows.js";
import { visibleCasesInListOrder } from "./case-list-order.js";
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

interface Listed {
  caseId: string;
  referredOn: string;
}

const listOrder = (a: Listed, b: Listed) =>
  a.referredOn === b.referredOn ? (a.caseId < b.caseId ? 1 : -1) : a.referredOn < b.referredOn ? 1 : -1;

async function listInOrder(
  db: Executor,
  organisations: readonly string[],
  day: string,
  limit = 1_000,
  statuses: readonly string[] | null = null,
) {
  const rows = await queryRows<{ referred_on: string | Date; case_id: string }>(
    db,
    visibleCasesInListOrder(
      { teamId: sql`${teamId}`, organisations: organisations.map((o) => sql`${o}`), day: sql`${day}::date` },
      { limit, statuses: statuses?.map((s) => sql`${s}`) ?? null },
    ),
  );
  return rows.map((r) => ({
    caseId: r.case_id,
    referredOn: typeof r.referred_on === "string" ? r.referred_on : r.referred_on.toISOString().slice(0, 10),
  }));
}

describe.each(testEngines)("the case-visibility filter on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("opens exactly the cases the domain's need-to-know rule opens, for every organisation and day", async () => {
    const db = database.db;
    const histories = fc.sample(fc.array(membershipArb, { maxLength: 4 }), { numRuns: 40, seed: 20_261_206 });
    const caseIds = histories.map(() => uuidv7());
    for (const [i, memberships] of histories.entries()) {
      const caseId = caseIds[i] ?? "";
      // Ties and different days: the list's order is checked below.
      await insertClientCase(db, { id: caseId, referredOn: addDays(firstDay, -(i % 3)) });
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
        // The case list's reading of the rule: the same cases, each once, newest referral first.
        const listed = (await listInOrder(db, chain, day)).filter((r) => caseIds.includes(r.caseId));
        expect(listed.map((r) => r.caseId).sort(), `listed for ${organisationId} on ${day}`).toEqual(expected.sort());
        expect(listed).toEqual([...listed].sort(listOrder));
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

  it("keeps each membership's copy of its case's referral day, also when the day changes", async () => {
    const db = database.db;
    const { caseId } = await insertClientCase(db, { referredOn: "2026-03-03" });
    await db.insert(t.caseMemberships).values({
      teamId,
      caseId,
      id: uuidv7(),
      organisationId: org.youthServices,
      basis: "referrer",
      validFrom: "2026-03-03",
      validTo: null,
    });
    const dayOf = async () =>
      (await listInOrder(db, [org.youthServices], "2026-03-10")).find((r) => r.caseId === caseId)?.referredOn;
    expect(await dayOf()).toBe("2026-03-03");
    await db.update(t.cases).set({ referredOn: "2026-03-01" }).where(eq(t.cases.id, caseId));
    expect(await dayOf()).toBe("2026-03-01");
    // A writer cannot set another day on a membership: the case's day wins.
    await db
      .update(t.caseMemberships)
      .set({ caseReferredOn: "2020-01-01" })
      .where(eq(t.caseMemberships.caseId, caseId));
    expect(await dayOf()).toBe("2026-03-01");
    // The list stops where it is told to.
    expect(await listInOrder(db, [org.youthServices], "2026-03-10", 1)).toHaveLength(1);
  });

  it("keeps each membership's copy of its case's status through every status, and lists a status from it", async () => {
    const db = database.db;
    const { caseId } = await insertClientCase(db, { referredOn: "2026-04-04" });
    // Written before and after a change: both must carry the case's status.
    const membership = (organisationId: string) => ({
      teamId,
      caseId,
      id: uuidv7(),
      organisationId,
      basis: "referrer" as const,
      validFrom: "2026-04-04",
      validTo: null,
    });
    await db.insert(t.caseMemberships).values(membership(org.youthServices));
    const statusesOf = async () =>
      (
        await db
          .select({ status: t.caseMemberships.caseStatus })
          .from(t.caseMemberships)
          .where(eq(t.caseMemberships.caseId, caseId))
      ).map((r) => r.status);
    const listedAs = async (statuses: readonly string[]) =>
      (await listInOrder(db, [org.youthServices, org.socialEmergency], "2026-04-10", 1_000, statuses)).some(
        (r) => r.caseId === caseId,
      );
    expect(await statusesOf()).toEqual(["referred"]);
    // The columns each status requires (cases_status_fields_check), in the state machine's order and back.
    const states = {
      "referred": { selectionStartedOn: null, decidedOn: null, activatedOn: null, closedOn: null, closeReason: null },
      "in-selection": { selectionStartedOn: "2026-04-05" },
      "admitted": { decidedOn: "2026-04-06" },
      "active": { activatedOn: "2026-04-07" },
      "closed": { closedOn: "2026-04-08", closeReason: "goals-met" },
    } as const;
    let columns = {};
    for (const [status, set] of Object.entries(states)) {
      columns = { ...columns, ...set };
      await db
        .update(t.cases)
        .set({ ...columns, status: status as keyof typeof states })
        .where(eq(t.cases.id, caseId));
      if (status === "admitted") await db.insert(t.caseMemberships).values(membership(org.socialEmergency));
      expect(new Set(await statusesOf()), status).toEqual(new Set([status]));
      expect(await listedAs([status]), status).toBe(true);
      expect(await listedAs(["declined", status === "closed" ? "active" : "closed"]), status).toBe(false);
    }
    await db
      .update(t.cases)
      .set({ ...states.referred, selectionStartedOn: "2026-04-05", decidedOn: "2026-04-06", status: "declined" })
      .where(eq(t.cases.id, caseId));
    expect(new Set(await statusesOf())).toEqual(new Set(["declined"]));
    // A writer cannot set another status on a membership: the case's status wins.
    await db.update(t.caseMemberships).set({ caseStatus: "active" }).where(eq(t.caseMemberships.caseId, caseId));
    expect(new Set(await statusesOf())).toEqual(new Set(["declined"]));
    expect(await listedAs(["active"])).toBe(false);
    // Several statuses: listed once (two memberships of the organisations asking), in the list's order.
    const several = await listInOrder(db, [org.youthServices, org.socialEmergency], "2026-04-10", 1_000, [
      "declined",
      "referred",
    ]);
    expect(several.filter((r) => r.caseId === caseId)).toHaveLength(1);
    expect(several).toEqual([...several].sort(listOrder));
  });
});

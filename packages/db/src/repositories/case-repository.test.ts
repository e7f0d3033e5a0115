import {
  applyCaseCommand,
  type Case,
  type CaseCommand,
  type CaseContext,
  caseInvariants,
  caseMemberships,
  coreOrganisationIds,
  helsinkiAnkkuri,
  helsinkiOrganisationIds as org,
  membershipContext,
  referralMemberships,
  selectionOrganisationIds,
  testIdentityCode,
} from "@ankkuri/domain";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Executor, openDatabase } from "../client.js";
import { constraintViolation, StaleWriteError } from "../errors.js";
import { createIdentityVault } from "../keys/identity-vault.js";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import {
  caseLinks,
  caseMemberships as caseMembershipRows,
  cases,
  clients,
  existingClientships,
  referralEvents,
} from "../schema/tables.js";
import { seededTestDatabase, testEngines } from "../testing/index.js";
import { InvalidClientIdentityError, loadCase, newId, referCase, saveCase } from "./case-repository.js";

const vault = createIdentityVault(parseKeyMaterial(generateKeySettings()));
const { agreement } = helsinkiAnkkuri;
const teamId = helsinkiAnkkuri.team.id;
const context: CaseContext = {
  coreOrganisationIds: coreOrganisationIds(agreement, "2025-03-01"),
  today: "2025-12-31",
  premisesIds: helsinkiAnkkuri.premises.map((p) => p.id),
  recording: {
    organisationId: org.socialEmergency,
    selectingUnits: selectionOrganisationIds(agreement, "2025-03-01"),
    clientHolders: [org.childWelfare],
  },
};
/** Who may see `c` as the domain derives it (what the gateway saves with every change). */
const membershipsOf = (c: Case) => caseMemberships(c, membershipContext(agreement, c.referredOn));
const gNew = "0190f5a4-7c2e-7000-8000-00000000a001";

async function refer(db: Executor, code = testIdentityCode("2011-04-05", 944), givenName = "Eetu") {
  const referral = { referredOn: "2025-03-01", referredByOrganisationId: org.youthServices };
  return referCase(db, vault, {
    teamId,
    caseId: newId(),
    type: "youth-crime",
    referralSource: "police",
    ...referral,
    client: { identityCode: code, givenName, familyName: "Esimerkki" },
    guardians: [{ givenName: "Anna", familyName: "Esimerkki", relationship: "parent", hasCustody: true }],
    memberships: referralMemberships(referral, membershipContext(agreement, referral.referredOn)),
  });
}

/** Applies a command, saves the change, and returns the reloaded case. */
async function step(db: Executor, c: Case, command: CaseCommand, today = context.today): Promise<Case> {
  const result = applyCaseCommand(c, command, { ...context, today });
  if (!result.ok) throw new Error(result.error.map((v) => v.message.en).join("; "));
  await saveCase(db, c, result.value, {
    actorId: "hanna.mattila",
    guardianNames: { [gNew]: { givenName: "Pekka", familyName: "Esimerkki" } },
    memberships: membershipsOf(result.value),
  });
  const stored = await loadCase(db, teamId, c.id);
  if (!stored) throw new Error("case vanished");
  expect(stored.case).toEqual(result.value);
  // Every membership carries the case's status and referral day (the case list's index), after every step.
  const copies = await db
    .selectDistinct({ status: caseMembershipRows.caseStatus, referredOn: caseMembershipRows.caseReferredOn })
    .from(caseMembershipRows)
    .where(and(eq(caseMembershipRows.teamId, teamId), eq(caseMembershipRows.caseId, c.id)));
  expect(copies, `after ${command.type}`).toEqual([{ status: stored.case.status, referredOn: stored.case.referredOn }]);
  return stored.case;
}

const decide = (
  staffId: string,
  organisationId: string,
  profession: "police-officer" | "social-worker" | "psychiatric-nurse",
): CaseCommand => ({
  type: "record-selection-decision",
  decision: { staffId, organisationId, profession, decision: "admit", decidedOn: "2025-03-03" },
});

describe.each(testEngines)("the case repository on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("records a referral with the identity code encrypted, and adds a returning client's referral to the open case", async () => {
    const code = testIdentityCode("2011-04-05", 951);
    const first = await refer(database.db, code);
    const again = await refer(database.db, code, "Keksitty");
    expect(first).toMatchObject({ decision: { kind: "new-client" }, earlierCaseIds: [], referralEventId: null });
    // The open case is joined: the same case and client, a later referral event with the names as given.
    expect(again).toMatchObject({
      decision: { kind: "add-to-open-case", caseId: first.caseId },
      caseId: first.caseId,
      clientId: first.clientId,
      earlierCaseIds: [first.caseId],
    });
    const events = await database.db.select().from(referralEvents).where(eq(referralEvents.caseId, first.caseId));
    expect(events.map((e) => [e.id, e.givenName, e.referredByOrganisationId])).toEqual([
      [again.referralEventId, "Keksitty", org.youthServices],
    ]);
    expect((await loadCase(database.db, teamId, first.caseId))?.client.givenName).toBe("Eetu");
    expect((await loadCase(database.db, teamId, first.caseId))?.case.version).toBe(1);
    const [row] = await database.db
      .select()
      .from(clients)
      .where(and(eq(clients.teamId, teamId), eq(clients.id, first.clientId)));
    expect(row?.identityCodeCiphertext).not.toContain(code);
    expect(vault.decrypt(row?.identityCodeCiphertext ?? "", teamId)).toBe(code);
    expect(row?.birthDate).toBe("2011-04-05");
    const stored = await loadCase(database.db, teamId, first.caseId);
    expect(stored?.case.status).toBe("referred");
    expect(stored?.client).toMatchObject({ givenName: "Eetu", hasIdentityCode: true });
    expect(stored?.memberships.map((m) => [m.organisationId, m.basis, m.from, m.to])).toEqual([
      [org.policePrevention, "selecting-unit", "2025-03-01", null],
      [org.socialEmergency, "selecting-unit", "2025-03-01", null],
      [org.psychiatry, "selecting-unit", "2025-03-01", null],
      [org.youthServices, "referrer", "2025-03-01", null],
    ]);
  });

  it("opens a new case linked to the previous one when the client's cases have all ended", async () => {
    const code = testIdentityCode("2010-02-03", 952);
    const first = await refer(database.db, code);
    await database.db
      .update(cases)
      .set({ status: "declined", selectionStartedOn: "2025-03-01", decidedOn: "2025-03-02" })
      .where(and(eq(cases.teamId, teamId), eq(cases.id, first.caseId)));
    const again = await refer(database.db, code, "Keksitty");
    expect(again).toMatchObject({
      decision: { kind: "open-linked-case", previousCaseId: first.caseId },
      clientId: first.clientId,
      earlierCaseIds: [first.caseId],
    });
    expect(again.caseId).not.toBe(first.caseId);
    const [row] = await database.db
      .select({ previousCaseId: cases.previousCaseId, status: cases.status })
      .from(cases)
      .where(and(eq(cases.teamId, teamId), eq(cases.id, again.caseId)));
    expect(row).toEqual({ previousCaseId: first.caseId, status: "referred" });
    // Those who took part in the earlier case learn that the client came back.
    const links = await database.db.select().from(caseLinks).where(eq(caseLinks.linkedCaseId, again.caseId));
    expect(links.map((l) => [l.caseId, l.relation])).toEqual([[first.caseId, "same-client"]]);
  });

  it("refuses a second open case for one client, and keeps one open case when the same person is referred twice at once", async () => {
    const { caseId, clientId } = await refer(database.db, testIdentityCode("2012-06-07", 953));
    const secondOpen = database.db.insert(cases).values({
      teamId,
      id: newId(),
      clientId,
      type: "youth-crime",
      status: "referred",
      referredOn: "2025-03-02",
      referralSource: "police",
    });
    const refused = await secondOpen.then(
      () => null,
      (error: unknown) => constraintViolation(error),
    );
    expect(refused).toMatchObject({ kind: "unique", constraint: "cases_one_open_case_per_client" });
    expect(caseId).toBeTruthy();

    // Two referrals of a new person at once: on PostgreSQL one may be refused (the caller retries it),
    // never both kept as cases.
    const code = testIdentityCode("2012-06-08", 954);
    const outcomes = await Promise.allSettled([refer(database.db, code), refer(database.db, code, "Toinen")]);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") {
        expect(constraintViolation(outcome.reason)?.constraint).toMatch(
          /^(clients_identity_hmac_unique|cases_one_open_case_per_client)$/,
        );
      }
    }
    const kept = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    expect(kept.length).toBeGreaterThan(0);
    const person = kept[0]?.clientId ?? "";
    const open = await database.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.teamId, teamId), eq(cases.clientId, person)));
    expect(open).toHaveLength(1);
  });

  it("refuses an identity code that is malformed", async () => {
    await expect(refer(database.db, "010594Y9033")).rejects.toBeInstanceOf(InvalidClientIdentityError);
  });

  it("persists every step of a case's life exactly as the domain produced it", async () => {
    const { caseId } = await refer(database.db, testIdentityCode("2009-08-09", 907));
    let c = (await loadCase(database.db, teamId, caseId))?.case;
    if (!c) throw new Error("no case");
    const guardianId = c.guardians[0]?.id ?? "";
    const meetingId = newId();
    const consentId = newId();
    c = await step(database.db, c, { type: "start-selection", on: "2025-03-02" });
    c = await step(database.db, c, decide("st-hpl-heikkinen", org.policePrevention, "police-officer"));
    c = await step(database.db, c, decide("st-sotepe-mattila", org.socialEmergency, "social-worker"));
    c = await step(database.db, c, decide("st-sotepe-honkanen", org.psychiatry, "psychiatric-nurse"));
    c = await step(database.db, c, { type: "admit", on: "2025-03-04" });
    c = await step(database.db, c, {
      type: "add-guardian",
      guardian: { id: gNew, relationship: "parent", hasCustody: true },
    });
    c = await step(database.db, c, {
      type: "record-existing-clientship",
      clientship: {
        organisationId: org.childWelfare,
        since: "2024-01-01",
        responsibleWorker: { staffId: null, name: "Leena Lahti", organisationId: org.childWelfare },
      },
    });
    for (const [id, giver] of [
      [consentId, { kind: "guardian", guardianId }],
      [newId(), { kind: "guardian", guardianId: gNew }],
      [newId(), { kind: "client" }],
    ] as const) {
      c = await step(database.db, c, {
        type: "record-consent",
        consent: {
          id,
          giver,
          organisationIds: [org.education, org.childWelfare],
          givenOn: "2025-03-05",
          validUntil: null,
          form: "written",
        },
      });
    }
    c = await step(database.db, c, {
      type: "plan-meeting",
      meetingId,
      plannedOn: "2025-03-10",
      logistics: {
        startTime: "14:30",
        durationMinutes: 90,
        place: { kind: "premises", premisesId: "premises-city-meeting-room-1" },
      },
      composition: [
        {
          id: "p-police",
          role: "core",
          organisationId: org.policePrevention,
          staffId: "st-hpl-heikkinen",
          profession: "police-officer",
          guardianId: null,
        },
        {
          id: "p-youth",
          role: "core",
          organisationId: org.youthServices,
          staffId: "st-kuva-peltonen",
          profession: "youth-worker",
          guardianId: null,
        },
        {
          id: "p-school",
          role: "invited",
          organisationId: org.education,
          staffId: null,
          profession: "other",
          guardianId: null,
        },
        { id: "p-client", role: "client", organisationId: null, staffId: null, profession: null, guardianId: null },
        {
          id: "p-rw",
          role: "responsible-worker",
          organisationId: org.childWelfare,
          staffId: null,
          profession: "social-worker",
          guardianId: null,
        },
      ],
    });
    const invitationId = newId();
    c = await step(database.db, c, {
      type: "send-invitations",
      meetingId,
      on: "2025-03-06",
      sentBy: "st-hpl-heikkinen",
      invitations: [
        { id: invitationId, participantId: "p-client", channel: "letter" },
        { id: newId(), participantId: "p-school", channel: "secure-message" },
      ],
    });
    c = await step(database.db, c, {
      type: "answer-invitation",
      invitationId,
      answer: "accepted",
      on: "2025-03-07",
      recordedBy: "st-hpl-heikkinen",
    });
    c = await step(database.db, c, {
      type: "record-meeting-held",
      meetingId,
      heldOn: "2025-03-10",
      attended: ["p-police", "p-youth", "p-school", "p-client", "p-rw"],
    });
    expect(c.status).toBe("active");
    c = await step(database.db, c, {
      type: "record-meeting-record",
      meetingId,
      record: { recordedOn: "2025-03-11", recordedBy: "st-hpl-heikkinen", inClientRecord: true, inStatistics: false },
    });
    c = await step(database.db, c, {
      type: "complete-meeting-record",
      meetingId,
      amendment: {
        id: newId(),
        recordedOn: "2025-03-12",
        recordedBy: "st-hpl-heikkinen",
        inClientRecord: false,
        inStatistics: true,
      },
    });
    const referralId = newId();
    c = await step(database.db, c, {
      type: "make-referral",
      referral: {
        id: referralId,
        meetingId,
        service: "youth-work",
        organisationId: org.youthServices,
        madeOn: "2025-03-11",
        status: "made",
        statusChangedOn: "2025-03-11",
      },
    });
    c = await step(database.db, c, { type: "update-referral", referralId, status: "started", on: "2025-03-20" });
    const invited = (stored: Awaited<ReturnType<typeof loadCase>>) =>
      stored?.memberships.filter((m) => m.basis === "consent").map((m) => [m.organisationId, m.from, m.to]);
    expect(invited(await loadCase(database.db, teamId, caseId))).toEqual([
      [org.education, "2025-03-10", null],
      [org.childWelfare, "2025-03-10", null],
    ]);
    c = await step(database.db, c, { type: "withdraw-consent", consentId, withdrawalId: newId(), on: "2025-04-01" });
    // The guardian's withdrawal ends the access of those invited under it, from its day on.
    expect(invited(await loadCase(database.db, teamId, caseId))).toEqual([
      [org.education, "2025-03-10", "2025-03-31"],
      [org.childWelfare, "2025-03-10", "2025-03-31"],
    ]);
    c = await step(database.db, c, { type: "close", on: "2025-06-30", reason: "goals-met" });
    expect(caseInvariants(c)).toEqual([]);
    const stored = await loadCase(database.db, teamId, caseId);
    expect(stored?.memberships).toEqual(membershipsOf(c));
    expect(new Set(stored?.memberships.map((m) => m.organisationId))).toEqual(
      new Set([
        org.childWelfare,
        org.education,
        org.policePrevention,
        org.psychiatry,
        org.socialEmergency,
        org.youthServices,
      ]),
    );
    expect(stored?.guardianNames[gNew]).toEqual({ givenName: "Pekka", familyName: "Esimerkki" });
    expect(c.version).toBe(20);
  });

  it("persists a client relationship's end, and the access it gave ends the day before", async () => {
    const { caseId } = await refer(database.db, testIdentityCode("2010-06-15", 921));
    let c = (await loadCase(database.db, teamId, caseId))?.case;
    if (!c) throw new Error("no case");
    const clientship = { organisationId: org.childWelfare, since: "2024-09-01", responsibleWorker: null };
    c = await step(database.db, c, { type: "record-existing-clientship", clientship }, "2025-03-05");
    const clientshipAccess = async () =>
      (await loadCase(database.db, teamId, caseId))?.memberships
        .filter((m) => m.basis === "existing-clientship")
        .map((m) => [m.organisationId, m.from, m.to]);
    expect(await clientshipAccess()).toEqual([[org.childWelfare, "2025-03-05", null]]);
    c = await step(
      database.db,
      c,
      { type: "end-existing-clientship", organisationId: org.childWelfare, endedOn: "2025-03-15" },
      "2025-03-20",
    );
    expect(c.existingClientships).toEqual([{ ...clientship, recordedOn: "2025-03-05", endedOn: "2025-03-15" }]);
    expect(await clientshipAccess()).toEqual([[org.childWelfare, "2025-03-05", "2025-03-14"]]);
    // The table holds the rule too: no end before the recording, whoever writes.
    const refused = await database.db
      .update(existingClientships)
      .set({ endedOn: "2025-03-04" })
      .where(and(eq(existingClientships.teamId, teamId), eq(existingClientships.caseId, caseId)))
      .then(
        () => null,
        (error: unknown) => constraintViolation(error)?.constraint ?? String(error),
      );
    expect(refused).toBe("existing_clientships_ended_check");
  });

  it("refuses a stale write and leaves the case as it was", async () => {
    const { caseId } = await refer(database.db, testIdentityCode("2010-10-10", 912));
    const loaded = (await loadCase(database.db, teamId, caseId))?.case;
    if (!loaded) throw new Error("no case");
    const started = applyCaseCommand(loaded, { type: "start-selection", on: "2025-03-02" }, context);
    if (!started.ok) throw new Error("refused");
    await saveCase(database.db, loaded, started.value, { actorId: "x", memberships: membershipsOf(started.value) });
    // A second writer still holding version 0:
    const guardian = applyCaseCommand(
      loaded,
      { type: "add-guardian", guardian: { id: newId(), relationship: "legal-guardian", hasCustody: true } },
      context,
    );
    if (!guardian.ok) throw new Error("refused");
    const second = { actorId: "y", memberships: membershipsOf(guardian.value) };
    await expect(saveCase(database.db, loaded, guardian.value, second)).rejects.toBeInstanceOf(StaleWriteError);
    expect((await loadCase(database.db, teamId, caseId))?.case).toEqual(started.value);
  });

  it("returns null for a case of another team", async () => {
    const { caseId } = await refer(database.db, testIdentityCode("2012-12-12", 933));
    expect(await loadCase(database.db, "team-other", caseId)).toBeNull();
  });
});

// Needs a real PostgreSQL (TEST_DATABASE_URL, set in CI): PGlite serves one connection, so writers cannot race.
describe.runIf(testEngines.includes("postgres"))("two writers updating the same case on PostgreSQL", () => {
  const database = seededTestDatabase("postgres");

  it("lets exactly one win, gives the other a conflict, and loses nothing after a retry", async () => {
    const { caseId } = await refer(database.db, testIdentityCode("2008-02-29", 977));
    const writers = await Promise.all(
      [0, 1].map(() => openDatabase({ engine: "postgres", url: database.url ?? "", maxConnections: 2 })),
    );
    const guardians = [newId(), newId()];
    // Both read version 0, then both write at the same moment.
    const snapshots = await Promise.all(writers.map(async (w) => (await loadCase(w.db, teamId, caseId))?.case));
    const outcomes = await Promise.allSettled(
      writers.map(async (w, i) => {
        const before = snapshots[i];
        if (!before) throw new Error("no case");
        const result = applyCaseCommand(
          before,
          { type: "add-guardian", guardian: { id: guardians[i] ?? "", relationship: "parent", hasCustody: true } },
          context,
        );
        if (!result.ok) throw new Error("refused");
        await saveCase(w.db, before, result.value, {
          actorId: `writer-${String(i)}`,
          memberships: membershipsOf(result.value),
        });
      }),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const failed = outcomes.find((o) => o.status === "rejected");
    expect(failed?.status === "rejected" && failed.reason instanceof StaleWriteError).toBe(true);
    const loser = outcomes.findIndex((o) => o.status === "rejected");
    // The loser reloads and applies its change again: both changes are kept.
    const fresh = (await loadCase(writers[loser]?.db ?? database.db, teamId, caseId))?.case;
    if (!fresh) throw new Error("no case");
    const retry = applyCaseCommand(
      fresh,
      { type: "add-guardian", guardian: { id: guardians[loser] ?? "", relationship: "parent", hasCustody: true } },
      context,
    );
    if (!retry.ok) throw new Error("refused");
    await saveCase(database.db, fresh, retry.value, { actorId: "retry", memberships: membershipsOf(retry.value) });
    const final = (await loadCase(database.db, teamId, caseId))?.case;
    expect(final?.guardians.map((g) => g.id).sort()).toEqual(
      [...guardians, ...(snapshots[0]?.guardians.map((g) => g.id) ?? [])].sort(),
    );
    expect(final?.version).toBe(2);
    await Promise.all(writers.map((w) => w.close()));
  });
});

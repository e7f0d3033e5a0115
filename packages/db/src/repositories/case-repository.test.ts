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
import { StaleWriteError } from "../errors.js";
import { createIdentityVault } from "../keys/identity-vault.js";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import { caseLinks, clients } from "../schema/tables.js";
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
async function step(db: Executor, c: Case, command: CaseCommand): Promise<Case> {
  const result = applyCaseCommand(c, command, context);
  if (!result.ok) throw new Error(result.error.map((v) => v.message.en).join("; "));
  await saveCase(db, c, result.value, {
    actorId: "hanna.mattila",
    guardianNames: { [gNew]: { givenName: "Pekka", familyName: "Esimerkki" } },
    memberships: membershipsOf(result.value),
  });
  const stored = await loadCase(db, teamId, c.id);
  if (!stored) throw new Error("case vanished");
  expect(stored.case).toEqual(result.value);
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

  it("records a referral with the identity code encrypted, and links a returning client's cases without sharing their record", async () => {
    const code = testIdentityCode("2011-04-05", 951);
    const first = await refer(database.db, code);
    const again = await refer(database.db, code, "Keksitty");
    expect(first.earlierCaseIds).toEqual([]);
    expect(again.earlierCaseIds).toEqual([first.caseId]);
    // The returning client's new case has a record of its own, with the names its referrer gave.
    expect(again.clientId).not.toBe(first.clientId);
    expect((await loadCase(database.db, teamId, again.caseId))?.client.givenName).toBe("Keksitty");
    expect((await loadCase(database.db, teamId, first.caseId))?.client.givenName).toBe("Eetu");
    const links = await database.db.select().from(caseLinks).where(eq(caseLinks.linkedCaseId, again.caseId));
    expect(links.map((l) => [l.caseId, l.relation])).toEqual([[first.caseId, "same-client"]]);
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

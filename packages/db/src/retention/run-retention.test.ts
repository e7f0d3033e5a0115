import {
  accessChain,
  applyCaseCommand,
  type Case,
  caseAccessOn,
  caseMemberships,
  coreOrganisationIds,
  defaultRetentionPolicy,
  helsinkiAnkkuri,
  helsinkiOrganisationIds as org,
  indexOrganisations,
  membershipContext,
  resolveActor,
} from "@ankkuri/domain";
import { and, eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import { appendAudit } from "../audit/append-audit.js";
import { verifyAuditChain } from "../audit/verify-audit.js";
import { visibleCaseIds } from "../access/case-visibility.js";
import { StaleWriteError } from "../errors.js";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import { loadCase, loadCases, saveCase, writeMemberships } from "../repositories/case-repository.js";
import * as t from "../schema/tables.js";
import { insertClientCase, seededTestDatabase, testEngines } from "../testing/index.js";
import { placeLegalHold, releaseLegalHold } from "./legal-holds.js";
import { runRetention } from "./run-retention.js";

const key = parseKeyMaterial(generateKeySettings()).auditKey;
const teamId = helsinkiAnkkuri.team.id;
const policy = defaultRetentionPolicy([
  { organisationId: org.police, sector: "police" },
  { organisationId: org.sotepe, sector: "social-services" },
  { organisationId: org.kuva, sector: "youth-services" },
]);
const today = "2026-01-15";
const now = new Date("2026-01-15T10:00:00Z");

/** The seed's auditor, as the hold verbs see them on `on`. */
function auditorOn(on: string) {
  const actor = resolveActor(helsinkiAnkkuri, "outi.tarkka", on);
  if (!actor.ok) throw new Error(actor.error);
  const team = {
    agreement: helsinkiAnkkuri.agreement,
    organisations: indexOrganisations(helsinkiAnkkuri.organisations),
  };
  return { actor: actor.value, today: on, now, requestId: `hold-${on}`, team };
}

describe.each(testEngines)("retention on %s", (engine) => {
  const database = seededTestDatabase(engine);

  /** A closed case of a new client with memberships of `organisations` and one note of each. */
  async function closedCase(closedOn: string, organisations: string[]) {
    const db = database.db;
    const { clientId, caseId } = await insertClientCase(db, {
      client: { birthDate: "2008-04-05" },
      status: "closed",
      referredOn: "2018-01-10",
      selectionStartedOn: "2018-01-11",
      decidedOn: "2018-01-12",
      closedOn,
      closeReason: "goals-met",
    });
    for (const organisationId of organisations) {
      await db.insert(t.caseMemberships).values({
        teamId,
        caseId,
        id: uuidv7(),
        organisationId,
        basis: "selecting-unit",
        validFrom: "2018-01-10",
        validTo: closedOn,
      });
      await db.insert(t.caseNotes).values({
        teamId,
        id: uuidv7(),
        caseId,
        organisationId,
        kind: "general",
        writtenOn: "2018-02-01",
        writtenBy: "testi",
        body: "Kuvitteellinen muistiinpano.",
      });
    }
    // An earlier read of the case: it must outlive the case in the access log.
    await appendAudit(db, key, [
      {
        teamId,
        occurredAt: new Date("2018-02-01T10:00:00Z"),
        requestId: `read-${caseId}`,
        actorId: "maria.jarvinen",
        actorOrganisationId: org.policePrevention,
        actorRole: "police-officer",
        operation: "read",
        resource: "case",
        caseId,
        clientId,
        purpose: "casework",
        basis: "casework",
      },
    ]);
    return { caseId, clientId };
  }
  const run = (dryRun = false) =>
    runRetention(database.db, key, { teamId, today, policy, dryRun, now, actor: "retention-test" });
  const caseExists = async (caseId: string) =>
    (
      await database.db
        .select()
        .from(t.cases)
        .where(and(eq(t.cases.teamId, teamId), eq(t.cases.id, caseId)))
    ).length === 1;

  it("deletes past its period, keeps another controller's part, stops at a hold, and runs twice to the same end", async () => {
    const db = database.db;
    const policeOnly = await closedCase("2019-06-30", [org.policePrevention]);
    const shared = await closedCase("2019-06-30", [org.policePrevention, org.psychiatry]);
    const held = await closedCase("2019-06-30", [org.policePrevention]);
    const recent = await closedCase("2025-06-30", [org.policePrevention]);
    const placed = await placeLegalHold(
      db,
      key,
      auditorOn("2026-01-10"),
      { clientId: held.clientId },
      { reason: "complaint", reference: "EOAK/1/2026" },
    );
    if (!placed.ok) throw new Error(placed.code);
    const holdId = placed.value.id;

    // The dry run lists what would go and why, and changes nothing.
    const dry = await run(true);
    const byCase = new Map(dry.decisions.map((d) => [d.caseId, d]));
    expect(byCase.get(policeOnly.caseId)?.steps.map((s) => s.kind)).toEqual(["notes", "case"]);
    expect(byCase.get(shared.caseId)?.steps.map((s) => [s.kind, "controllerId" in s ? s.controllerId : null])).toEqual([
      ["notes", org.police],
      ["controller-part", org.police],
    ]);
    expect(byCase.get(held.caseId)?.heldBack.map((s) => s.kind)).toEqual(["notes", "case"]);
    expect(byCase.get(held.caseId)?.steps).toEqual([]);
    expect(byCase.has(recent.caseId)).toBe(false);
    expect(byCase.get(policeOnly.caseId)?.steps[1]?.reason).toMatch(/case-closed \+ 5 years/);
    expect(dry.applied).toBe(0);
    expect(await caseExists(policeOnly.caseId)).toBe(true);

    // The run: the police-only case and its client go; Sotepe keeps its part of the shared case.
    const first = await run();
    expect(first.applied).toBe(4);
    expect(await caseExists(policeOnly.caseId)).toBe(false);
    expect(await db.select().from(t.clients).where(eq(t.clients.id, policeOnly.clientId))).toEqual([]);
    expect(await caseExists(shared.caseId)).toBe(true);
    const memberships = await db.select().from(t.caseMemberships).where(eq(t.caseMemberships.caseId, shared.caseId));
    expect(memberships.map((m) => m.organisationId)).toEqual([org.psychiatry]);
    const notes = await db.select().from(t.caseNotes).where(eq(t.caseNotes.caseId, shared.caseId));
    expect(notes.map((n) => n.organisationId)).toEqual([org.psychiatry]);
    expect(await caseExists(held.caseId)).toBe(true);
    expect(await caseExists(recent.caseId)).toBe(true);

    // The same run again: nothing more goes; only the held case is listed.
    const second = await run();
    expect(second.applied).toBe(0);
    expect(second.decisions.map((d) => d.caseId)).toEqual([held.caseId]);

    // Released, the held case goes on the next run.
    expect((await releaseLegalHold(db, key, auditorOn(today), holdId)).ok).toBe(true);
    expect(await releaseLegalHold(db, key, auditorOn(today), holdId)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect((await run()).applied).toBe(2);
    expect(await caseExists(held.caseId)).toBe(false);

    // The access log still verifies, keeps the reads of deleted cases, and logs each deletion and the hold.
    expect((await verifyAuditChain(db, key, teamId)).ok).toBe(true);
    const log = await db.select().from(t.auditLog).where(eq(t.auditLog.teamId, teamId));
    expect(log.some((r) => r.requestId === `read-${policeOnly.caseId}`)).toBe(true);
    expect(
      log
        .filter((r) => r.purpose === "retention" && r.caseId === policeOnly.caseId)
        .map((r) => [r.operation, r.resource]),
    ).toEqual([
      ["delete", "case-note"],
      ["delete", "case"],
    ]);
    // The second release found no hold in force: logged as refused.
    expect(
      log.filter((r) => r.resource === "legal-hold").map((r) => [r.operation, r.details?.outcome ?? "done"]),
    ).toEqual([
      ["create", "done"],
      ["update", "done"],
      ["update", "refused"],
    ]);
  });

  it("refuses a day in the future, which would delete data before its time", async () => {
    const recent = await closedCase("2021-06-30", [org.policePrevention]);
    await expect(
      runRetention(database.db, key, { teamId, today: "2040-01-01", policy, dryRun: false, now, actor: "attacker" }),
    ).rejects.toThrow(/future/);
    expect(await caseExists(recent.caseId)).toBe(true);
  });

  it("keeps a case under a hold on the case itself, and ignores a hold of another team on the same id", async () => {
    const db = database.db;
    const target = await closedCase("2019-06-30", [org.policePrevention]);
    const exposed = await closedCase("2019-06-30", [org.policePrevention]);
    expect(
      await placeLegalHold(
        db,
        key,
        auditorOn("2026-01-10"),
        { caseId: target.caseId },
        {
          reason: "litigation",
          reference: "HO 1/2026",
        },
      ),
    ).toMatchObject({ ok: true });
    await db.insert(t.teams).values({
      id: "team-retention-other",
      code: "retention-other",
      nameFi: "Toinen tiimi (kuvitteellinen)",
      nameSv: "Ett annat team (fiktivt)",
      nameEn: "Another team (fictional)",
      policeDepartmentId: org.police,
    });
    // The verbs refuse another team's case (legal-holds.test.ts); a row written past them must not count either.
    await db.insert(t.legalHolds).values({
      teamId: "team-retention-other",
      id: uuidv7(),
      caseId: exposed.caseId,
      reason: "litigation",
      reference: "HO 2/2026",
      placedOn: "2026-01-10",
      placedBy: "someone.else",
    });
    await run();
    expect(await caseExists(target.caseId)).toBe(true);
    expect(await caseExists(exposed.caseId)).toBe(false);
  });

  it("keeps a removed controller's part removed when the case is written again", async () => {
    const db = database.db;
    const organisations = indexOrganisations(helsinkiAnkkuri.organisations);
    const referredOn = "2024-06-03";
    // Past the police's five years from the closing, long before Sotepe's period ends.
    const later = "2030-01-15";
    const { caseId } = await insertClientCase(db, {
      client: { birthDate: "2009-04-05" },
      status: "closed",
      referredOn,
      referredByOrganisationId: org.socialEmergency,
      selectionStartedOn: "2024-06-04",
      decidedOn: "2024-06-05",
      closedOn: "2024-12-31",
      closeReason: "goals-met",
    });
    const consentId = uuidv7();
    await db.insert(t.consents).values({
      teamId,
      caseId,
      id: consentId,
      giverKind: "client",
      givenOn: "2024-06-10",
      form: "written",
      recordedBy: "testi",
    });
    await db.insert(t.consentScopes).values({ teamId, consentId, organisationId: org.education });
    // The memberships the gateway derives for it and writes with every change.
    const context = membershipContext(helsinkiAnkkuri.agreement, referredOn, organisations);
    const stored = await loadCase(db, teamId, caseId);
    if (!stored) throw new Error("case vanished");
    const derived = caseMemberships(stored.case, context);
    expect(derived.map((m) => [m.organisationId, m.basis])).toContainEqual([org.policePrevention, "selecting-unit"]);
    await writeMemberships(db, teamId, caseId, derived);
    const police = accessChain(org.policePrevention, organisations);
    const policeSees = async () =>
      (await visibleCaseIds(db, { teamId, organisations: police, day: later }, [caseId])).has(caseId);
    expect(await policeSees()).toBe(true);

    const runOnLater = () =>
      runRetention(db, key, {
        teamId,
        today: later,
        policy,
        dryRun: false,
        now: new Date(`${later}T10:00:00Z`),
        actor: "retention-test",
      });
    const report = await runOnLater();
    const steps = report.decisions.find((d) => d.caseId === caseId)?.steps ?? [];
    expect(steps.map((s) => [s.kind, "controllerId" in s ? s.controllerId : null])).toEqual([
      ["controller-part", org.police],
    ]);
    const removed = await db.select().from(t.removedControllerParts).where(eq(t.removedControllerParts.caseId, caseId));
    expect(removed.map((r) => [r.controllerId, r.removedOn])).toEqual([[org.police, later]]);
    expect(await policeSees()).toBe(false);

    // Sotepe withdraws the consent on the closed case, as the gateway's verb does it: load, apply,
    // derive the memberships, save.
    const withdraw = (c: Case) => {
      const result = applyCaseCommand(
        c,
        { type: "withdraw-consent", consentId, withdrawalId: uuidv7(), on: later },
        { coreOrganisationIds: coreOrganisationIds(helsinkiAnkkuri.agreement, later), today: later },
      );
      if (!result.ok) throw new Error(result.error.map((v) => v.message.en).join("; "));
      return result.value;
    };
    // A writer that read the case before the run is refused: its save would bring the part back.
    const stale = withdraw(stored.case);
    await expect(
      saveCase(db, stored.case, stale, { actorId: "hanna.mattila", memberships: caseMemberships(stale, context) }),
    ).rejects.toThrow(StaleWriteError);
    const fresh = await loadCase(db, teamId, caseId);
    if (!fresh) throw new Error("case vanished");
    expect(fresh.case.removedControllerParts).toEqual([{ controllerId: org.police, removedOn: later }]);
    const after = withdraw(fresh.case);
    await saveCase(db, fresh.case, after, { actorId: "hanna.mattila", memberships: caseMemberships(after, context) });

    // The police have no membership and cannot see the case; Sotepe keeps its own.
    const [reloaded] = await loadCases(db, teamId, [caseId]);
    expect(reloaded?.case.consents[0]?.withdrawnOn).toBe(later);
    expect(reloaded?.memberships.map((m) => m.organisationId)).not.toContain(org.policePrevention);
    expect(reloaded?.memberships.map((m) => m.organisationId)).toEqual(
      expect.arrayContaining([org.socialEmergency, org.psychiatry]),
    );
    expect(caseAccessOn(reloaded?.memberships ?? [], police, later)).toBeNull();
    expect(await policeSees()).toBe(false);
    const sotepe = accessChain(org.socialEmergency, organisations);
    expect(await visibleCaseIds(db, { teamId, organisations: sotepe, day: later }, [caseId])).toEqual(
      new Set([caseId]),
    );
    // The next run finds nothing more of the police to remove.
    const again = await runOnLater();
    expect(again.decisions.find((d) => d.caseId === caseId)).toBeUndefined();
  });
});

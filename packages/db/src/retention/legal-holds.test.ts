import { helsinkiAnkkuri, helsinkiOrganisationIds as org, indexOrganisations, resolveActor } from "@ankkuri/domain";
import { and, eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/verify-audit.js";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import * as t from "../schema/tables.js";
import { insertClientCase, seededTestDatabase, testEngines } from "../testing/index.js";
import { activeLegalHolds, type LegalHoldRequest, placeLegalHold, releaseLegalHold } from "./legal-holds.js";

// The legal-hold verbs as an attacker would try them: roles that may not hold, another team's case,
// a case outside the registry office's controller, someone else's hold, a hold released twice.

const key = parseKeyMaterial(generateKeySettings()).auditKey;
const teamId = helsinkiAnkkuri.team.id;
const today = "2026-11-22";
const now = new Date("2026-11-22T10:00:00Z");
const team = { agreement: helsinkiAnkkuri.agreement, organisations: indexOrganisations(helsinkiAnkkuri.organisations) };
const hold = { reason: "complaint", reference: "EOAK/9/2026" } as const;

function as(login: string): LegalHoldRequest {
  const actor = resolveActor(helsinkiAnkkuri, login, today);
  if (!actor.ok) throw new Error(actor.error);
  return { actor: actor.value, today, now, requestId: `test-${login}`, team };
}
const auditor = as("outi.tarkka");
const sotepeRegistry = as("liisa.kirjava");

describe.each(testEngines)("legal holds on %s", (engine) => {
  const database = seededTestDatabase(engine);

  /** A case of a new client with memberships of `organisations`, in `team` (the Helsinki team by default). */
  async function aCase(organisations: string[], inTeam = teamId) {
    const { clientId, caseId } = await insertClientCase(database.db, { teamId: inTeam, referredOn: "2026-10-01" });
    for (const organisationId of organisations)
      await database.db.insert(t.caseMemberships).values({
        teamId: inTeam,
        caseId,
        id: uuidv7(),
        organisationId,
        basis: "selecting-unit",
        validFrom: "2026-10-01",
      });
    return { clientId, caseId };
  }
  /** The team's entries of refused legal-hold attempts, oldest first: actor, operation, ids, details. */
  const refusedEntries = async () =>
    (
      await database.db
        .select()
        .from(t.auditLog)
        .where(and(eq(t.auditLog.teamId, teamId), eq(t.auditLog.resource, "legal-hold")))
        .orderBy(t.auditLog.seq)
    )
      .filter((e) => e.details?.outcome === "refused")
      .map((e) => [e.actorId, e.operation, e.resourceId, e.caseId, e.clientId, e.details]);
  const holdsIn = async (clientId: string) =>
    database.db
      .select()
      .from(t.legalHolds)
      .where(and(eq(t.legalHolds.teamId, teamId), eq(t.legalHolds.clientId, clientId)));

  it("lets an auditor place, list and release a hold, each audited with the client", async () => {
    const c = await aCase([org.policePrevention]);
    const placed = await placeLegalHold(database.db, key, auditor, { caseId: c.caseId }, hold);
    if (!placed.ok) throw new Error(placed.code);
    expect(placed.value).toMatchObject({ caseId: c.caseId, clientId: null, placedBy: "outi.tarkka", placedOn: today });
    // Listed on the case and on its client.
    for (const target of [{ caseId: c.caseId }, { clientId: c.clientId }]) {
      const listed = await activeLegalHolds(database.db, auditor, target);
      expect(listed.ok && listed.value.holds.map((h) => h.id)).toEqual([placed.value.id]);
    }
    expect((await releaseLegalHold(database.db, key, auditor, placed.value.id)).ok).toBe(true);
    // Released once: the second release finds nothing in force.
    expect(await releaseLegalHold(database.db, key, auditor, placed.value.id)).toEqual({
      ok: false,
      code: "NOT_FOUND",
      what: "legal hold",
      path: "holdId",
    });
    const listed = await activeLegalHolds(database.db, auditor, { caseId: c.caseId });
    expect(listed.ok && listed.value.holds).toEqual([]);
    const log = await database.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.teamId, teamId), eq(t.auditLog.resourceId, placed.value.id)));
    // The second release reached nothing: logged as refused, without the client.
    expect(log.map((e) => [e.operation, e.actorId, e.actorRole, e.clientId, e.caseId, e.details?.outcome])).toEqual([
      ["create", "outi.tarkka", "auditor", c.clientId, c.caseId, undefined],
      ["update", "outi.tarkka", "auditor", c.clientId, c.caseId, undefined],
      ["update", "outi.tarkka", "auditor", null, null, "refused"],
    ]);
    expect((await verifyAuditChain(database.db, key, teamId)).ok).toBe(true);
  });

  it("refuses every role but auditors and registry offices", async () => {
    const c = await aCase([org.policePrevention]);
    for (const login of ["maria.jarvinen", "tuomas.lehtinen", "kari.nurmi", "mikko.rantanen", "sari.niemela"]) {
      expect(await placeLegalHold(database.db, key, as(login), { caseId: c.caseId }, hold)).toEqual({
        ok: false,
        code: "FORBIDDEN",
      });
      expect((await activeLegalHolds(database.db, as(login), { caseId: c.caseId })).ok).toBe(false);
    }
    expect(await holdsIn(c.clientId)).toEqual([]);
  });

  it("answers another team's case, a case outside the controller and a case that does not exist alike", async () => {
    const otherTeam = "team-holds-other";
    await database.db.insert(t.teams).values({
      id: otherTeam,
      code: "holds-other",
      nameFi: "Toinen tiimi (kuvitteellinen)",
      nameSv: "Ett annat team (fiktivt)",
      nameEn: "Another team (fictional)",
      policeDepartmentId: org.police,
    });
    const theirs = await aCase([org.policePrevention], otherTeam);
    const policeOnly = await aCase([org.policePrevention]);
    const missing = uuidv7();
    const notFound = { ok: false, code: "NOT_FOUND", what: "case", path: "caseId" };
    for (const [actor, caseId] of [
      [auditor, theirs.caseId],
      [auditor, missing],
      [sotepeRegistry, theirs.caseId],
      [sotepeRegistry, policeOnly.caseId],
    ] as const) {
      expect(await placeLegalHold(database.db, key, actor, { caseId }, hold)).toEqual(notFound);
      expect(await activeLegalHolds(database.db, actor, { caseId })).toEqual(notFound);
    }
    expect(await placeLegalHold(database.db, key, sotepeRegistry, { clientId: policeOnly.clientId }, hold)).toEqual({
      ok: false,
      code: "NOT_FOUND",
      what: "client",
      path: "clientId",
    });
    expect(await database.db.select().from(t.legalHolds).where(eq(t.legalHolds.teamId, otherTeam))).toEqual([]);
    expect(await holdsIn(policeOnly.clientId)).toEqual([]);
    // Each refused hold is logged in the actor's team, the same whether the target exists or not.
    const refused = (await refusedEntries()).filter((e) => e[1] === "create");
    expect(refused).toEqual([
      ["outi.tarkka", "create", null, null, null, { outcome: "refused", caseId: theirs.caseId, ...hold }],
      ["outi.tarkka", "create", null, null, null, { outcome: "refused", caseId: missing, ...hold }],
      ["liisa.kirjava", "create", null, null, null, { outcome: "refused", caseId: theirs.caseId, ...hold }],
      ["liisa.kirjava", "create", null, null, null, { outcome: "refused", caseId: policeOnly.caseId, ...hold }],
      ["liisa.kirjava", "create", null, null, null, { outcome: "refused", clientId: policeOnly.clientId, ...hold }],
    ]);
    expect(
      await database.db.select().from(t.auditLog).where(eq(t.auditLog.teamId, otherTeam)),
      "nothing in the other team's log",
    ).toEqual([]);
    expect((await verifyAuditChain(database.db, key, teamId)).ok).toBe(true);
  });

  it("lets a registry office hold its own controller's cases, and release only what its controller reaches", async () => {
    const shared = await aCase([org.policePrevention, org.psychiatry]);
    const policeOnly = await aCase([org.policePrevention]);
    const own = await placeLegalHold(database.db, key, sotepeRegistry, { clientId: shared.clientId }, hold);
    expect(own.ok).toBe(true);
    // The auditor's hold on a police-only case is out of Sotepe's reach: not found, and still in force.
    const auditors = await placeLegalHold(database.db, key, auditor, { caseId: policeOnly.caseId }, hold);
    if (!auditors.ok) throw new Error(auditors.code);
    expect(await releaseLegalHold(database.db, key, sotepeRegistry, auditors.value.id)).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    const listed = await activeLegalHolds(database.db, auditor, { caseId: policeOnly.caseId });
    expect(listed.ok && listed.value.holds.map((h) => h.releasedOn)).toEqual([null]);
    expect((await refusedEntries()).filter((e) => e[2] === auditors.value.id)).toEqual([
      ["liisa.kirjava", "update", auditors.value.id, null, null, { outcome: "refused", holdId: auditors.value.id }],
    ]);
    if (own.ok) expect((await releaseLegalHold(database.db, key, sotepeRegistry, own.value.id)).ok).toBe(true);
  });

  it("refuses another team's hold by its id", async () => {
    const theirs = uuidv7();
    await database.db.insert(t.legalHolds).values({
      teamId: "team-holds-other",
      id: theirs,
      clientId: uuidv7(),
      reason: "litigation",
      reference: "HO 3/2026",
      placedOn: "2026-11-01",
      placedBy: "someone.else",
    });
    expect(await releaseLegalHold(database.db, key, auditor, theirs)).toMatchObject({ ok: false, code: "NOT_FOUND" });
    const [row] = await database.db.select().from(t.legalHolds).where(eq(t.legalHolds.id, theirs));
    expect(row?.releasedOn).toBeNull();
    expect((await refusedEntries()).filter((e) => e[2] === theirs)).toEqual([
      ["outi.tarkka", "update", theirs, null, null, { outcome: "refused", holdId: theirs }],
    ]);
  });
});

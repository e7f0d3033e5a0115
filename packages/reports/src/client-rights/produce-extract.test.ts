import {
  and,
  appendAudit,
  eq,
  generateKeySettings,
  parseKeyMaterial,
  schema,
  seedTeam,
  verifyAuditChain,
} from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessLogExtractDocument } from "./access-log-extract.js";
import { produceAccessLogExtract } from "./produce-extract.js";

const teamId = helsinkiAnkkuri.team.id;
const keys = parseKeyMaterial(generateKeySettings());
const clientId = "0190f5a4-7c2e-7000-8000-0000000c11e1";
const otherClientId = "0190f5a4-7c2e-7000-8000-0000000c11e2";
const entry = (
  at: string,
  actorOrganisationId: string,
  actorRole: string,
  client: string,
  basis: "casework" | "consent",
) => ({
  teamId,
  occurredAt: new Date(at),
  requestId: `req-${at}`,
  actorId: "maria.jarvinen",
  actorOrganisationId,
  actorRole,
  operation: "read" as const,
  resource: "case",
  clientId: client,
  purpose: "casework",
  basis,
});

describe.each(testEngines)("the operator's access-log extract on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedTeam(database.db, helsinkiAnkkuri);
    for (const [id, givenName] of [
      [clientId, "Eetu"],
      [otherClientId, "Olli"],
    ] as const)
      await database.db
        .insert(schema.clients)
        .values({ teamId, id, birthDate: "2011-04-05", givenName, familyName: "Esimerkki" });
    await appendAudit(database.db, keys.auditKey, [
      entry("2026-03-01T10:00:00Z", org.policePrevention, "police-officer", clientId, "casework"),
      entry("2026-03-02T10:00:00Z", org.socialEmergency, "social-worker", clientId, "casework"),
      entry("2026-03-03T10:00:00Z", org.socialEmergency, "social-worker", otherClientId, "casework"),
    ]);
  });
  afterAll(async () => {
    await database.dispose();
  });

  const request = (language: "fi" | "sv" | "en", id = clientId) => ({
    teamId,
    clientId: id,
    from: "2026-01-01",
    to: "2026-12-31",
    language,
    scope: { kind: "team" as const },
    now: new Date("2026-11-22T09:00:00Z"),
    requestedBy: { login: "outi.tarkka", organisationId: "org-hel-kanslia", roles: ["auditor" as const] },
    via: "report-cli",
  });

  it("writes the client's events as JSON and a PDF in the language asked for, and logs the request", async () => {
    for (const language of ["fi", "sv", "en"] as const) {
      const produced = await produceAccessLogExtract(database.db, keys.auditKey, request(language));
      expect(produced?.pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const json = JSON.parse(produced?.json.toString("utf8") ?? "{}") as AccessLogExtractDocument;
      expect(json.language).toBe(language);
      expect(json.client).toEqual({ id: clientId, givenName: "Eetu", familyName: "Esimerkki" });
      // The case reads, then the earlier requests for the extract itself (they are processing too).
      expect(json.events.map((e) => e.organisationId).slice(0, 2)).toEqual([org.policePrevention, org.socialEmergency]);
      expect(json.events.slice(2).map((e) => e.basis)).toEqual(
        { fi: [], sv: ["data-subject-request"], en: ["data-subject-request", "data-subject-request"] }[language],
      );
    }
    const logged = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.teamId, teamId), eq(schema.auditLog.resource, "access-log-extract")));
    // Logged as the person the request was made by, with their organisation and role.
    const by = ["outi.tarkka", "org-hel-kanslia", "auditor", "data-subject-request", clientId];
    expect(logged.map((r) => [r.actorId, r.actorOrganisationId, r.actorRole, r.basis, r.clientId])).toEqual([
      by,
      by,
      by,
    ]);
    expect((await verifyAuditChain(database.db, keys.auditKey, teamId)).ok).toBe(true);
  });

  it("gives nothing for a client the team does not have, and logs the attempt", async () => {
    const unknown = "0190f5a4-7c2e-7000-8000-00000000dead";
    expect(await produceAccessLogExtract(database.db, keys.auditKey, request("fi", unknown))).toBeNull();
    const logged = await database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.resource, "access-log-extract"));
    expect(logged.filter((r) => r.details?.clientId === unknown).map((r) => [r.clientId, r.details?.outcome])).toEqual([
      [null, "refused"],
    ]);
    expect(logged.filter((r) => r.clientId === clientId).map((r) => r.details?.outcome)).not.toContain("refused");
  });
});

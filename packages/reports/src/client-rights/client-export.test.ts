import {
  and,
  createIdentityVault,
  eq,
  generateKeySettings,
  newId,
  parseKeyMaterial,
  schema,
  verifyAuditChain,
} from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { helsinkiOrganisationIds as org, parseIdentityCode } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureTeamId, loadReportFixture } from "../testing/report-dataset.js";
import { buildClientExport } from "./client-export.js";
import { renderClientExportJson, renderClientExportPdf } from "./render-extract.js";

const keys = parseKeyMaterial(generateKeySettings());
const vault = createIdentityVault(keys);

describe.each(testEngines)("the data-subject export on %s", (engine) => {
  let database: TestDatabase;
  let caseId = "";
  let clientId = "";
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const ids = await loadReportFixture(database.db, keys);
    caseId = Object.values(ids)[0] ?? "";
    const [row] = await database.db
      .select({ clientId: schema.cases.clientId })
      .from(schema.cases)
      .where(and(eq(schema.cases.teamId, fixtureTeamId), eq(schema.cases.id, caseId)));
    clientId = row?.clientId ?? "";
    for (const [organisationId, body] of [
      [org.policePrevention, "Poliisin oma muistiinpano (kuvitteellinen)."],
      [org.psychiatry, "Psykiatrian oma muistiinpano (kuvitteellinen)."],
    ] as const)
      await database.db.insert(schema.caseNotes).values({
        teamId: fixtureTeamId,
        id: newId(),
        caseId,
        organisationId,
        kind: "general",
        writtenOn: "2025-06-01",
        writtenBy: "testi",
        body,
      });
  }, 300_000);
  afterAll(async () => {
    await database.dispose();
  });

  const request = (controllerId: string) => ({
    teamId: fixtureTeamId,
    clientId,
    controllerId,
    now: new Date("2026-11-22T09:00:00Z"),
    requestedBy: { login: "liisa.kirjava", organisationId: org.sotepe, roles: ["registry-office" as const] },
    via: "export-cli",
  });

  it("gives one controller the client's cases with the identity code decrypted and only its own notes", async () => {
    const exported = await buildClientExport(database.db, { auditKey: keys.auditKey, vault }, request(org.police));
    expect(exported?.client.id).toBe(clientId);
    expect(parseIdentityCode(exported?.client.identityCode ?? "").ok).toBe(true);
    expect(exported?.cases.map((c) => [c.case.id, c.share])).toEqual([[caseId, "full"]]);
    expect(exported?.cases[0]?.notes.map((n) => n.organisationId)).toEqual([org.policePrevention]);
    const sotepe = await buildClientExport(database.db, { auditKey: keys.auditKey, vault }, request(org.sotepe));
    expect(sotepe?.cases[0]?.notes.map((n) => n.organisationId)).toEqual([org.psychiatry]);
    const json = renderClientExportJson(exported ?? (undefined as never)).toString("utf8");
    expect(json).toContain(exported?.client.identityCode ?? "missing");
    expect((await renderClientExportPdf(exported ?? (undefined as never))).subarray(0, 5).toString("latin1")).toBe(
      "%PDF-",
    );
  });

  it("gives nothing to a controller that never took part, and to another team's client", async () => {
    expect(await buildClientExport(database.db, { auditKey: keys.auditKey, vault }, request(org.hus))).toBeNull();
    expect(
      await buildClientExport(
        database.db,
        { auditKey: keys.auditKey, vault },
        { ...request(org.police), teamId: "team-other" },
      ),
    ).toBeNull();
  });

  it("logs every export and each decryption of the identity code, and the chain verifies", async () => {
    const rows = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.teamId, fixtureTeamId), eq(schema.auditLog.actorId, "liisa.kirjava")));
    // The controller that holds nothing: a refused attempt, without the client.
    expect(rows.map((r) => [r.resource, r.basis, r.clientId, r.details?.outcome])).toEqual([
      ["client-export", "data-subject-request", clientId, undefined],
      ["client.identityCode", "data-subject-request", clientId, undefined],
      ["client-export", "data-subject-request", clientId, undefined],
      ["client.identityCode", "data-subject-request", clientId, undefined],
      ["client-export", "data-subject-request", null, "refused"],
    ]);
    expect((await verifyAuditChain(database.db, keys.auditKey, fixtureTeamId)).ok).toBe(true);
  });
});

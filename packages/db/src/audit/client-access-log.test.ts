import { helsinkiAnkkuri } from "@ankkuri/domain";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import { insertClientCase, seededTestDatabase, testEngines } from "../testing/index.js";
import type { AuditEntry } from "./audit-chain.js";
import { appendAudit } from "./append-audit.js";
import { clientAccessLog, helsinkiDayStart } from "./client-access-log.js";

const key = parseKeyMaterial(generateKeySettings()).auditKey;
const teamId = helsinkiAnkkuri.team.id;

const access = (requestId: string, at: string, target: Partial<AuditEntry>, team = teamId): AuditEntry => ({
  teamId: team,
  occurredAt: new Date(at),
  requestId,
  actorId: "maria.jarvinen",
  actorOrganisationId: "org-hpl-prevention",
  actorRole: "police-officer",
  operation: "read",
  resource: "case",
  purpose: "casework",
  basis: "casework",
  ...target,
});

describe("helsinkiDayStart", () => {
  it("is midnight in Helsinki, winter and summer", () => {
    expect(helsinkiDayStart("2026-01-15").toISOString()).toBe("2026-01-14T22:00:00.000Z");
    expect(helsinkiDayStart("2026-07-15").toISOString()).toBe("2026-07-14T21:00:00.000Z");
  });
});

describe.each(testEngines)("a client's access log on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("lists exactly the entries about the client and their cases in the days asked for", async () => {
    const db = database.db;
    const [client, other] = [uuidv7(), uuidv7()];
    const [clientCase, otherCase] = [uuidv7(), uuidv7()];
    for (const [clientId, caseId] of [
      [client, clientCase],
      [other, otherCase],
    ] as const) {
      await insertClientCase(db, {
        id: caseId,
        client: { id: clientId, birthDate: "2011-01-01" },
        referredOn: "2026-01-01",
      });
    }
    await appendAudit(db, key, [
      access("own-case", "2026-03-01T08:00:00Z", { caseId: clientCase, clientId: client }),
      access("own-note", "2026-03-02T08:00:00Z", { resource: "case-note", caseId: clientCase }),
      access("own-consent", "2026-03-03T08:00:00Z", {
        clientId: client,
        basis: "consent",
        basisConsentIds: ["0190f5a4-7c2e-7000-8000-0000000000c1"],
      }),
      // Helsinki's 1 April begins at 21:00 UTC on 31 March: inside the range below.
      access("own-late", "2026-03-31T21:30:00Z", { caseId: clientCase, clientId: client }),
      access("own-too-early", "2026-02-28T21:59:00Z", { caseId: clientCase, clientId: client }),
      access("own-too-late", "2026-04-01T21:00:00Z", { caseId: clientCase, clientId: client }),
      access("other-client", "2026-03-01T09:00:00Z", { caseId: otherCase, clientId: other }),
      access("other-note", "2026-03-01T09:00:00Z", { resource: "case-note", caseId: otherCase }),
      access("no-client", "2026-03-01T09:00:00Z", { resource: "assignment", basis: "administration" }),
      access("other-team", "2026-03-01T09:00:00Z", { caseId: clientCase, clientId: client }, "team-elsewhere"),
    ]);
    const rows = await clientAccessLog(db, teamId, client, "2026-03-01", "2026-04-01");
    expect(rows.map((r) => r.requestId)).toEqual(["own-case", "own-note", "own-consent", "own-late"]);
    expect(rows[2]).toMatchObject({
      basis: "consent",
      basisConsentIds: ["0190f5a4-7c2e-7000-8000-0000000000c1"],
      basisRecorded: true,
    });
    expect(await clientAccessLog(db, "team-elsewhere", client, "2026-03-01", "2026-04-01")).toHaveLength(1);
  });
});

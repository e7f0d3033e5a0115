import { describe, expect, it } from "vitest";
import { indexOrganisations } from "../organisations/organisation.js";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import { type Actor, actorSchema } from "./access-policy.js";
import { accessLogExtract, extractScopeFor, type LoggedAccess, requestedExtractScope } from "./access-log-extract.js";

const organisations = indexOrganisations(helsinkiAnkkuri.organisations);
const { agreement } = helsinkiAnkkuri;
const team = helsinkiAnkkuri.team.id;
const day = "2026-03-01";
const actor = (roles: Actor["roles"], organisationId: string, teamId = team): Actor =>
  actorSchema.parse({ login: "testi.kayttaja", name: "Testi Käyttäjä", teamId, organisationId, roles });

const access = (over: Partial<LoggedAccess>): LoggedAccess => ({
  occurredAt: new Date("2026-03-01T10:00:00Z"),
  actorId: "pekka.poliisi",
  actorOrganisationId: org.policePrevention,
  actorRole: "police-officer",
  operation: "read",
  resource: "case",
  basis: "casework",
  basisConsentIds: [],
  basisRecorded: true,
  ...over,
});
const context = (language: "fi" | "sv" | "en" = "fi", namesPersons = false) => ({
  agreement,
  organisations,
  policies: [{ controllerId: org.sotepe, namesPersons }],
  personName: (login: string) => (login === "sanna.sosiaali" ? "Sanna Sosiaali" : null),
  language,
});

describe("extractScopeFor", () => {
  it("lets an auditor answer for the team and a registry office for its own controller only", () => {
    expect(extractScopeFor(actor(["auditor"], org.cityExecutiveOffice), team, agreement, organisations, day)).toEqual({
      kind: "team",
    });
    expect(extractScopeFor(actor(["registry-office"], org.sotepe), team, agreement, organisations, day)).toEqual({
      kind: "controller",
      controllerId: org.sotepe,
    });
  });

  it("refuses caseworkers, leadership, administrators and another team's auditor", () => {
    for (const a of [
      actor(["social-worker"], org.socialEmergency),
      actor(["operational-supervisor"], org.policePrevention),
      actor(["party-leadership"], org.sotepe),
      actor(["team-administrator"], org.policePrevention),
    ])
      expect(extractScopeFor(a, team, agreement, organisations, day)).toBeNull();
    expect(
      extractScopeFor(actor(["auditor"], org.cityExecutiveOffice, "team-other"), team, agreement, organisations, day),
    ).toBeNull();
  });
});

describe("requestedExtractScope", () => {
  it("lets an auditor narrow the team to any controller, and a registry office ask for its own only", () => {
    expect(requestedExtractScope({ kind: "team" })).toEqual({ kind: "team" });
    expect(requestedExtractScope({ kind: "team" }, org.police)).toEqual({
      kind: "controller",
      controllerId: org.police,
    });
    const own = { kind: "controller" as const, controllerId: org.sotepe };
    expect(requestedExtractScope(own)).toEqual(own);
    expect(requestedExtractScope(own, org.sotepe)).toEqual(own);
    expect(requestedExtractScope(own, org.police)).toBeNull();
  });
});

describe("accessLogExtract", () => {
  const entries = [
    access({
      occurredAt: new Date("2026-03-02T08:00:00Z"),
      actorId: "sanna.sosiaali",
      actorOrganisationId: org.socialEmergency,
      actorRole: "social-worker",
      operation: "update",
      basis: "statutory-notification",
    }),
    access({}),
    access({
      occurredAt: new Date("2026-03-03T08:00:00Z"),
      actorOrganisationId: org.education,
      actorRole: "youth-worker",
      basis: "consent",
      basisConsentIds: ["c-1"],
    }),
    access({ occurredAt: new Date("2025-01-01T08:00:00Z"), basisRecorded: false }),
  ];

  it("lists every event oldest first with organisation, role, action and basis, without the person by default", () => {
    const events = accessLogExtract(entries, { kind: "team" }, context("fi"));
    expect(events.map((e) => [e.occurredAt.slice(0, 10), e.organisationId, e.basis])).toEqual([
      ["2025-01-01", org.policePrevention, "casework"],
      ["2026-03-01", org.policePrevention, "casework"],
      ["2026-03-02", org.socialEmergency, "statutory-notification"],
      ["2026-03-03", org.education, "consent"],
    ]);
    expect(events.every((e) => e.person === null)).toBe(true);
    expect(events[1]).toMatchObject({ role: "Poliisi", action: "Luki asiakkuuden tietoja", note: null });
    expect(events[3]?.consentIds).toEqual(["c-1"]);
    expect(events[0]?.note).toMatch(/oletettu/);
    expect(JSON.stringify(events)).not.toContain("pekka.poliisi");
  });

  it("names the person only where their controller's policy says so", () => {
    const events = accessLogExtract(entries, { kind: "team" }, context("sv", true));
    expect(events.map((e) => e.person)).toEqual([null, null, "Sanna Sosiaali", null]);
    expect(events[2]?.basisText).toMatch(/barnskyddslagen/);
  });

  it("keeps a registry office's extract to its own controller's events", () => {
    const events = accessLogExtract(entries, { kind: "controller", controllerId: org.sotepe }, context("en"));
    expect(events.map((e) => e.organisationId)).toEqual([org.socialEmergency]);
    expect(events[0]?.action).toBe("Changed case data");
  });
});

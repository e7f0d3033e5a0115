import { describe, expect, it } from "vitest";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import { indexOrganisations } from "../organisations/organisation.js";
import {
  type Actor,
  actorSchema,
  canAdministerTeam,
  canReadAuditLog,
  canReadNote,
  canSeeAggregates,
  canSeeCase,
  canSeeReport,
  hasRole,
  isCaseworker,
} from "./access-policy.js";

const team = helsinkiAnkkuri.team.id;
const index = indexOrganisations(helsinkiAnkkuri.organisations);
const actor = (roles: Actor["roles"], organisationId: string = org.policePrevention, teamId = team): Actor =>
  actorSchema.parse({ login: "testi.kayttaja", name: "Testi Käyttäjä", teamId, organisationId, roles });

const police = actor(["police-officer"]);
const youth = actor(["youth-worker"], org.youthServices);
const auditor = actor(["auditor"], org.cityExecutiveOffice);
const leadership = actor(["party-leadership"], org.sotepe);
const admin = actor(["team-administrator"]);
const caseOf = (organisationIds: string[], teamId = team) => ({ teamId, organisationIds });

describe("the access policy", () => {
  it("knows caseworkers and roles", () => {
    expect(isCaseworker(police)).toBe(true);
    expect(isCaseworker(auditor)).toBe(false);
    expect(hasRole(admin, "auditor", "team-administrator")).toBe(true);
  });

  it("shows a case only to caseworkers of a taking-part organisation in the same team", () => {
    const c = caseOf([org.policePrevention, org.socialEmergency]);
    expect(canSeeCase(police, c)).toBe(true);
    expect(canSeeCase(youth, c)).toBe(false);
    expect(canSeeCase(youth, caseOf([org.youthServices]))).toBe(true);
    expect(canSeeCase(police, caseOf([org.policePrevention], "team-other"))).toBe(false);
    expect(canSeeCase(actor(["auditor", "team-administrator"], org.policePrevention), c)).toBe(false);
  });

  it("counts a grant to a parent organisation for its units only with the tree", () => {
    const c = caseOf([org.sotepe]);
    const nurse = actor(["psychiatric-nurse"], org.psychiatry);
    expect(canSeeCase(nurse, c)).toBe(false);
    expect(canSeeCase(nurse, c, index)).toBe(true);
  });

  it("keeps confidential notes inside their organisation", () => {
    expect(canReadNote(police, { teamId: team, organisationId: org.policePrevention })).toBe(true);
    expect(
      canReadNote(actor(["social-worker"], org.socialEmergency), {
        teamId: team,
        organisationId: org.policePrevention,
      }),
    ).toBe(false);
    expect(canReadNote(admin, { teamId: team, organisationId: org.policePrevention })).toBe(false);
  });

  it("gives aggregates to the team but not to auditors, the log only to auditors, administration only to administrators", () => {
    expect(canSeeAggregates(leadership, team)).toBe(true);
    expect(canSeeAggregates(auditor, team)).toBe(false);
    expect(canSeeAggregates(leadership, "team-other")).toBe(false);
    expect(canReadAuditLog(auditor, team)).toBe(true);
    expect(canReadAuditLog(police, team)).toBe(false);
    expect(canAdministerTeam(admin, team)).toBe(true);
    expect(canAdministerTeam(police, team)).toBe(false);
  });

  it("routes reports: monthly to caseworkers, annual to leadership and team, party reports to the party's people", () => {
    const annual = { teamId: team, type: "annual" as const, scope: null };
    const monthly = { teamId: team, type: "monthly" as const, scope: null };
    const sotepeReport = { teamId: team, type: "party" as const, scope: org.sotepe };
    expect(canSeeReport(police, monthly)).toBe(true);
    expect(canSeeReport(leadership, monthly)).toBe(false);
    expect(canSeeReport(leadership, annual)).toBe(true);
    expect(canSeeReport(auditor, annual)).toBe(false);
    expect(canSeeReport(leadership, sotepeReport, index)).toBe(true);
    expect(canSeeReport(actor(["psychiatric-nurse"], org.psychiatry), sotepeReport, index)).toBe(true);
    expect(canSeeReport(police, sotepeReport, index)).toBe(false);
    expect(canSeeReport(leadership, sotepeReport)).toBe(false);
    expect(canSeeReport(leadership, { ...annual, teamId: "team-other" })).toBe(false);
  });

  it("validates claims", () => {
    expect(
      actorSchema.safeParse({ login: "X Y", name: "", teamId: team, organisationId: org.police, roles: [] }).success,
    ).toBe(false);
    expect(
      actorSchema.safeParse({ login: "x.y", name: "X", teamId: team, organisationId: org.police, roles: ["root"] })
        .success,
    ).toBe(false);
  });
});

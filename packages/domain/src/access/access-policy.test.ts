import { describe, expect, it } from "vitest";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import { indexOrganisations } from "../organisations/organisation.js";
import { accessChain, type MembershipBasis } from "./case-membership.js";
import {
  type Actor,
  actorSchema,
  canAdministerTeam,
  canSeeClearancesOf,
  caseAccessFor,
  caseAccessInChain,
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
const today = "2026-11-22";
const member = (
  organisationId: string,
  basis: MembershipBasis = "selecting-unit",
  from = "2026-01-01",
  to: string | null = null,
) => ({
  organisationId,
  basis,
  from,
  to,
});
const caseOf = (organisationIds: string[], teamId = team) => ({
  teamId,
  memberships: organisationIds.map((o) => member(o)),
});

describe("the access policy", () => {
  it("knows caseworkers and roles", () => {
    expect(isCaseworker(police)).toBe(true);
    expect(isCaseworker(auditor)).toBe(false);
    expect(hasRole(admin, "auditor", "team-administrator")).toBe(true);
  });

  it("shows a case only to caseworkers of a taking-part organisation in the same team", () => {
    const c = caseOf([org.policePrevention, org.socialEmergency]);
    expect(canSeeCase(police, c, today)).toBe(true);
    expect(canSeeCase(youth, c, today)).toBe(false);
    expect(canSeeCase(youth, caseOf([org.youthServices]), today)).toBe(true);
    expect(canSeeCase(police, caseOf([org.policePrevention], "team-other"), today)).toBe(false);
    expect(canSeeCase(actor(["auditor", "team-administrator"], org.policePrevention), c, today)).toBe(false);
  });

  it("counts a grant to a parent organisation for its units only with the tree", () => {
    const c = caseOf([org.sotepe]);
    const nurse = actor(["psychiatric-nurse"], org.psychiatry);
    expect(canSeeCase(nurse, c, today)).toBe(false);
    expect(canSeeCase(nurse, c, today, index)).toBe(true);
  });

  it("decides the same with a chain worked out once, and still only for caseworkers of the team", () => {
    const c = caseOf([org.sotepe]);
    const nurse = actor(["psychiatric-nurse"], org.psychiatry);
    const chain = accessChain(nurse.organisationId, index);
    expect(caseAccessInChain(nurse, c, chain, today)).toBe(caseAccessFor(nurse, c, today, index));
    expect(caseAccessInChain(nurse, c, chain, today)).toBe("full");
    expect(caseAccessInChain(nurse, caseOf([org.sotepe], "team-other"), chain, today)).toBeNull();
    expect(caseAccessInChain(actor(["auditor"], org.psychiatry), c, chain, today)).toBeNull();
  });

  it("opens a case only while a membership is in force, and fully only on a full-access basis", () => {
    const c = (basis: MembershipBasis, from: string, to: string | null) => ({
      teamId: team,
      memberships: [member(org.youthServices, basis, from, to)],
    });
    expect(caseAccessFor(youth, c("consent", "2026-11-01", "2026-11-21"), today)).toBeNull();
    expect(caseAccessFor(youth, c("consent", "2026-11-23", null), today)).toBeNull();
    expect(caseAccessFor(youth, c("consent", "2026-11-01", "2026-11-22"), today)).toBe("limited");
    expect(caseAccessFor(youth, c("existing-clientship", "2026-11-01", null), today)).toBe("limited");
    expect(caseAccessFor(youth, c("meeting-seat", "2026-11-01", null), today)).toBe("full");
  });

  it("shows clearances to administrators, the operational supervisor and the person only", () => {
    const person = { teamId: team, login: "testi.kayttaja" };
    expect(canSeeClearancesOf(admin, person)).toBe(true);
    expect(canSeeClearancesOf(actor(["police-officer", "operational-supervisor"]), { ...person, login: "x.y" })).toBe(
      true,
    );
    expect(canSeeClearancesOf(youth, person)).toBe(true);
    expect(canSeeClearancesOf(youth, { ...person, login: "toinen.henkilo" })).toBe(false);
    expect(canSeeClearancesOf(leadership, { ...person, login: "toinen.henkilo" })).toBe(false);
    expect(canSeeClearancesOf(admin, { teamId: "team-other", login: "x.y" })).toBe(false);
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

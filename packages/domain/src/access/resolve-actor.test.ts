import { describe, expect, it } from "vitest";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import { assignmentsInForce, type Directory, resolveActor } from "./resolve-actor.js";

const today = "2026-11-22";
const directory: Directory = helsinkiAnkkuri;

/** The Helsinki directory with some of its records replaced. */
const changed = (patch: Partial<Directory>): Directory => ({ ...directory, ...patch });

describe("resolveActor", () => {
  it("gives a caseworker the roles of their profession and assignment, for the assignment's unit", () => {
    const supervisor = resolveActor(directory, "tuomas.lehtinen", today);
    expect(supervisor).toEqual({
      ok: true,
      value: {
        login: "tuomas.lehtinen",
        name: "Tuomas Lehtinen",
        teamId: helsinkiAnkkuri.team.id,
        organisationId: org.policePrevention,
        roles: ["operational-supervisor", "police-officer"],
      },
    });
    expect(resolveActor(directory, "noora.lindqvist", today)).toMatchObject({
      ok: true,
      value: { organisationId: org.youthServices, roles: ["youth-worker"] },
    });
  });

  it("gives the other roles from role assignments in force", () => {
    expect(resolveActor(directory, "outi.tarkka", today)).toMatchObject({
      ok: true,
      value: { organisationId: org.cityExecutiveOffice, roles: ["auditor"] },
    });
    expect(resolveActor(directory, "outi.tarkka", "2024-04-30")).toEqual({ ok: false, error: "NO_ROLE_IN_FORCE" });
  });

  it("knows nobody it has no account for, and no closed account from its closing day", () => {
    expect(resolveActor(directory, "keksitty.kayttaja", today)).toEqual({ ok: false, error: "USER_UNKNOWN" });
    const closed = changed({
      users: directory.users.map((u) => (u.login === "maria.jarvinen" ? { ...u, closedOn: today } : u)),
    });
    expect(resolveActor(closed, "maria.jarvinen", today)).toEqual({ ok: false, error: "USER_UNKNOWN" });
    expect(resolveActor(closed, "maria.jarvinen", "2026-11-21").ok).toBe(true);
  });

  it("ends casework with the assignment: from the day after its last day", () => {
    const ended = changed({
      assignments: directory.assignments.map((a) =>
        a.staffId === "st-hpl-jarvinen" ? { ...a, interval: { from: a.interval.from, to: "2026-11-21" } } : a,
      ),
    });
    expect(resolveActor(ended, "maria.jarvinen", "2026-11-21").ok).toBe(true);
    expect(resolveActor(ended, "maria.jarvinen", today)).toEqual({ ok: false, error: "NO_ROLE_IN_FORCE" });
  });

  it("ends a city employee's casework when their clearance is revoked, but not a police officer's", () => {
    const revoked = changed({
      clearances: directory.clearances.map((c) => (c.staffId === "st-sotepe-mattila" ? { ...c, revokedOn: today } : c)),
    });
    expect(resolveActor(revoked, "hanna.mattila", "2026-11-21").ok).toBe(true);
    expect(resolveActor(revoked, "hanna.mattila", today)).toEqual({ ok: false, error: "NO_ROLE_IN_FORCE" });
    expect(assignmentsInForce(directory, "st-hpl-jarvinen", today)).toHaveLength(1);
    const noClearances = changed({ clearances: [] });
    expect(resolveActor(noClearances, "maria.jarvinen", today).ok).toBe(true);
    expect(resolveActor(noClearances, "hanna.mattila", today)).toEqual({ ok: false, error: "NO_ROLE_IN_FORCE" });
  });

  it("refuses a token's organisation or roles that the database does not give, and never adds them", () => {
    expect(resolveActor(directory, "maria.jarvinen", today, { organisationId: org.socialEmergency })).toEqual({
      ok: false,
      error: "CLAIMS_MISMATCH",
    });
    const claimed = { roles: ["police-officer", "auditor", "team-administrator"] };
    expect(resolveActor(directory, "maria.jarvinen", today, claimed)).toEqual({ ok: false, error: "CLAIMS_MISMATCH" });
    const agreeing = { organisationId: org.policePrevention, roles: ["police-officer"] };
    expect(resolveActor(directory, "maria.jarvinen", today, agreeing)).toMatchObject({
      ok: true,
      value: { roles: ["police-officer"] },
    });
  });

  it("keeps casework apart from auditing and team administration (separation of duties)", () => {
    const both = changed({
      roleAssignments: [
        ...directory.roleAssignments,
        {
          id: "ra-test",
          teamId: helsinkiAnkkuri.team.id,
          login: "maria.jarvinen",
          role: "auditor",
          organisationId: org.policePrevention,
          interval: { from: "2026-01-01", to: null },
        },
      ],
    });
    expect(resolveActor(both, "maria.jarvinen", today)).toEqual({ ok: false, error: "SEPARATION_OF_DUTIES" });
    expect(resolveActor(both, "maria.jarvinen", "2025-12-31").ok).toBe(true);
  });

  it("lets a steering-group seat beside casework act for one organisation at a time", () => {
    const seat = {
      id: "ra-seat",
      teamId: helsinkiAnkkuri.team.id,
      login: "maria.jarvinen",
      role: "steering-group-member" as const,
      organisationId: org.police,
      interval: { from: "2026-01-01", to: null },
    };
    const twoOrganisations = changed({ roleAssignments: [...directory.roleAssignments, seat] });
    expect(resolveActor(twoOrganisations, "maria.jarvinen", today)).toEqual({
      ok: false,
      error: "ORGANISATION_AMBIGUOUS",
    });
    expect(resolveActor(twoOrganisations, "maria.jarvinen", today, { organisationId: org.police })).toMatchObject({
      ok: true,
      value: { organisationId: org.police, roles: ["steering-group-member"] },
    });
    const sameOrganisation = changed({
      roleAssignments: [...directory.roleAssignments, { ...seat, organisationId: org.policePrevention }],
    });
    expect(resolveActor(sameOrganisation, "maria.jarvinen", today)).toMatchObject({
      ok: true,
      value: { roles: ["police-officer", "steering-group-member"] },
    });
  });

  it("finds nothing for staff it does not know", () => {
    expect(assignmentsInForce(directory, "st-nobody", today)).toEqual([]);
    const orphan = changed({
      users: [
        ...directory.users,
        {
          teamId: helsinkiAnkkuri.team.id,
          login: "orpo.tunnus",
          displayName: "Orpo",
          staffId: "st-nobody",
          closedOn: null,
        },
      ],
    });
    expect(resolveActor(orphan, "orpo.tunnus", today)).toEqual({ ok: false, error: "NO_ROLE_IN_FORCE" });
  });
});

import { checkTeamDataset, helsinkiAnkkuri } from "@ankkuri/domain";
import { describe, expect, it } from "vitest";
import { clonedTeam, syntheticTeams } from "./synthetic-teams.js";

const period = { from: "2024-05-01", to: "2026-11-22" };
const codes = (found: { code: string; severity: string }[]) => found.map((v) => `${v.severity} ${v.code}`).sort();

describe("synthetic teams", () => {
  it("start with Helsinki and add numbered fictional clones", () => {
    const teams = syntheticTeams(3);
    expect(teams.map((t) => t.dataset.team.id)).toEqual([helsinkiAnkkuri.team.id, "team-synth-02", "team-synth-03"]);
    expect(teams.map((t) => t.dataset.team.code)).toEqual(["helsinki", "synth-02", "synth-03"]);
    expect(teams[1]?.dataset.team.name.fi).toBe("Ankkuri Itä-Kaakko 2");
    // Bilingual Helsinki beside Finnish-only clones: the schedule meets both kinds of team.
    expect(teams.map((t) => t.dataset.team.reportLanguages)).toEqual([["fi", "sv"], ["fi"], ["fi"]]);
  });

  it("clone the Helsinki dataset with new ids, breaking no rule Helsinki does not", () => {
    const clone = clonedTeam(2).dataset;
    expect(codes(checkTeamDataset(clone, period))).toEqual(codes(checkTeamDataset(helsinkiAnkkuri, period)));
    const helsinkiIds = new Set(
      [...helsinkiAnkkuri.staff, ...helsinkiAnkkuri.assignments, ...helsinkiAnkkuri.bodies].map((r) => r.id),
    );
    for (const record of [...clone.staff, ...clone.assignments, ...clone.bodies])
      expect(helsinkiIds.has(record.id)).toBe(false);
    expect(clone.agreement.id).toBe("agreement-synth-02");
    expect(clone.agreement.oid).toBe("2.999.2");
    expect(clone.staff.map((s) => s.profession)).toEqual(helsinkiAnkkuri.staff.map((s) => s.profession));
  });

  it("give each clone its own fictional people, the same on every call", () => {
    const { dataset } = clonedTeam(5);
    const { users } = dataset;
    expect(clonedTeam(5)).toEqual({ dataset });
    expect(users.every((u) => u.teamId === dataset.team.id)).toBe(true);
    expect(dataset.roleAssignments.map((r) => r.login).every((l) => users.some((u) => u.login === l))).toBe(true);
    expect(new Set(users.map((u) => u.login)).size).toBe(users.length);
    expect(users.filter((u) => u.staffId !== null).map((u) => u.staffId)).toEqual(dataset.staff.map((s) => s.id));
    expect(dataset.staff.map((s) => s.login)).not.toEqual(helsinkiAnkkuri.staff.map((s) => s.login));
  });

  it("refuse numbers outside 2–99", () => {
    expect(() => clonedTeam(1)).toThrow(RangeError);
    expect(() => clonedTeam(100)).toThrow(RangeError);
  });
});

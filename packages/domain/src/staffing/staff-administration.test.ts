import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../core/local-date.js";
import { helsinkiAnkkuri as hel, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import type { Assignment, StaffMember } from "./staff.js";
import {
  checkAccessEnd,
  checkAccountClosing,
  checkAccountOpening,
  checkAssignmentEnd,
  checkClearanceRevocation,
  checkMailAccountClosing,
  checkMailAccountGrant,
  checkPremisesGrant,
  checkStaffMember,
  supervisorGap,
  withdrawnWithClearance,
} from "./staff-administration.js";

const person = (id: string): StaffMember => {
  const found = hel.staff.find((s) => s.id === id);
  if (!found) throw new Error(id);
  return found;
};
const codes = (vs: { code: string }[]) => vs.map((v) => v.code);
const newcomer = {
  id: "st-new",
  organisationId: org.youthServices,
  login: "uusi.tyontekija",
  givenName: "Uusi",
  familyName: "Työntekijä",
};

describe("checkStaffMember", () => {
  it("accepts a person of a unit under a party in force", () => {
    expect(checkStaffMember(hel, newcomer, "2026-11-22")).toEqual([]);
  });

  it("refuses a login another person of the team has, naming that person", () => {
    const found = checkStaffMember(hel, { ...newcomer, login: "emma.tuominen" }, "2026-11-22");
    expect(codes(found)).toEqual(["STAFF.LOGIN_TAKEN"]);
    expect(found[0]?.message.fi).toContain("Emma Tuominen");
    expect(found[0]?.message.sv).toContain("Emma Tuominen");
  });

  it("lets a person keep their own login when changed", () => {
    expect(
      checkStaffMember(hel, { ...newcomer, id: "st-kuva-tuominen", login: "emma.tuominen" }, "2026-11-22"),
    ).toEqual([]);
  });

  it("refuses an organisation that is no party of the terms in force, and an unknown one", () => {
    expect(codes(checkStaffMember(hel, { ...newcomer, organisationId: org.hus }, "2026-11-22"))).toEqual([
      "STAFF.ORGANISATION_NOT_IN_AGREEMENT",
    ]);
    expect(codes(checkStaffMember(hel, { ...newcomer, organisationId: "org-nowhere" }, "2026-11-22"))).toEqual([
      "STAFF.ORGANISATION_NOT_IN_AGREEMENT",
    ]);
  });
});

describe("user accounts", () => {
  it("opens one account per login and per person", () => {
    expect(checkAccountOpening(hel, newcomer)).toEqual([]);
    expect(codes(checkAccountOpening(hel, person("st-kuva-tuominen")))).toEqual(["USER.ACCOUNT_EXISTS"]);
    const renamed = { ...person("st-kuva-tuominen"), login: "emma.t" };
    expect(codes(checkAccountOpening(hel, renamed))).toEqual(["USER.STAFF_HAS_ACCOUNT"]);
  });

  it("does not reopen a closed login by creating it again", () => {
    const users = hel.users.map((u) => (u.login === "emma.tuominen" ? { ...u, closedOn: "2026-01-01" } : u));
    const found = checkAccountOpening({ users }, person("st-kuva-tuominen"));
    expect(codes(found)).toEqual(["USER.ACCOUNT_EXISTS"]);
    expect(found[0]?.message.en).toContain("closed on 2026-01-01");
  });

  const account = hel.users.find((u) => u.login === "emma.tuominen");
  if (!account) throw new Error("seed");

  it("closes an open account from today or later, not one's own, not twice, not back-dated", () => {
    expect(checkAccountClosing(account, "2026-11-22", "2026-11-22", "kari.nurmi")).toEqual([]);
    expect(checkAccountClosing(account, "2027-01-01", "2026-11-22", "kari.nurmi")).toEqual([]);
    expect(codes(checkAccountClosing(account, "2026-11-21", "2026-11-22", "kari.nurmi"))).toEqual([
      "USER.CLOSED_IN_PAST",
    ]);
    expect(codes(checkAccountClosing(account, "2026-11-22", "2026-11-22", "emma.tuominen"))).toEqual([
      "USER.OWN_ACCOUNT",
    ]);
    expect(
      codes(checkAccountClosing({ ...account, closedOn: "2026-10-01" }, "2026-11-22", "2026-11-22", "kari.nurmi")),
    ).toEqual(["USER.ALREADY_CLOSED"]);
  });
});

describe("supervisorGap", () => {
  const supervisor = hel.assignments.find((a) => a.role === "operational-supervisor") as Assignment;
  const successor = (from: string): Assignment => ({
    ...supervisor,
    id: "as-successor",
    staffId: "st-hpl-heikkinen",
    fraction: 0.1,
    interval: { from, to: null },
  });

  it("is a gap from the next day when the only supervisor's assignment ends", () => {
    const found = supervisorGap(hel.agreement, hel.assignments, supervisor, "2026-12-31");
    expect(found?.gap).toEqual({ from: "2027-01-01", to: null });
    expect(found?.violation.code).toBe("STAFFING.SUPERVISOR_GAP");
    expect(found?.violation.message.sv).toContain("2027-01-01");
  });

  it("is no gap when a successor starts the next day, whether recorded or starting with the change", () => {
    expect(supervisorGap(hel.agreement, [...hel.assignments, successor("2027-01-01")], supervisor, "2026-12-31")).toBe(
      null,
    );
    expect(supervisorGap(hel.agreement, hel.assignments, supervisor, "2026-12-31", [successor("2027-01-01")])).toBe(
      null,
    );
  });

  it("runs until the day before a successor who starts later", () => {
    expect(
      supervisorGap(hel.agreement, hel.assignments, supervisor, "2026-12-31", [successor("2027-02-01")])?.gap,
    ).toEqual({ from: "2027-01-01", to: "2027-01-31" });
  });

  it("ends an assignment on its first day at the earliest", () => {
    expect(checkAssignmentEnd(supervisor, "2024-05-01")).toEqual([]);
    expect(checkAssignmentEnd(supervisor, "2024-04-30").map((v) => v.code)).toEqual(["STAFFING.END_BEFORE_START"]);
  });

  it("is no gap for a member's assignment or one that ended before", () => {
    const member = hel.assignments.find((a) => a.role === "member") as Assignment;
    expect(supervisorGap(hel.agreement, hel.assignments, member, "2026-12-31")).toBeNull();
    const ended = { ...supervisor, interval: { from: "2024-05-01", to: "2026-06-30" } };
    expect(supervisorGap(hel.agreement, [ended], ended, "2026-12-31")).toBeNull();
  });

  it("finds a gap exactly when no other supervisor covers the next day (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: -30, max: 30 }), (end, offset) => {
        const lastDay = addDays("2026-01-01", end);
        const start = addDays(lastDay, 1 + offset);
        const found = supervisorGap(hel.agreement, hel.assignments, supervisor, lastDay, [successor(start)]);
        expect(found === null).toBe(start <= addDays(lastDay, 1));
        if (found) expect(found.gap).toEqual({ from: addDays(lastDay, 1), to: addDays(start, -1) });
      }),
    );
  });
});

describe("premises access and the police mail account", () => {
  const tuominen = person("st-kuva-tuominen");
  const uncleared = { ...hel, clearances: hel.clearances.filter((c) => c.staffId !== tuominen.id) };

  it("grants access within the clearance and refuses what outlasts it", () => {
    expect(checkPremisesGrant(hel, tuominen, { from: "2026-12-01", to: "2029-04-14" }, "2026-11-22")).toEqual([]);
    const open = checkPremisesGrant(hel, tuominen, { from: "2026-12-01", to: null }, "2026-11-22");
    expect(codes(open)).toEqual(["STAFFING.ACCESS_OUTLASTS_CLEARANCE"]);
    expect(open[0]?.message.fi).toContain("2029-04-14");
    expect(codes(checkPremisesGrant(hel, tuominen, { from: "2026-12-01", to: "2029-04-15" }, "2026-11-22"))).toEqual([
      "STAFFING.ACCESS_OUTLASTS_CLEARANCE",
    ]);
  });

  it("refuses access without a clearance in force on the first day, and back-dated access", () => {
    expect(
      codes(checkPremisesGrant(uncleared, tuominen, { from: "2026-12-01", to: "2026-12-31" }, "2026-11-22")),
    ).toEqual(["STAFFING.CLEARANCE_MISSING"]);
    expect(codes(checkPremisesGrant(hel, tuominen, { from: "2029-04-15", to: null }, "2026-11-22"))).toEqual([
      "STAFFING.CLEARANCE_MISSING",
    ]);
    expect(codes(checkPremisesGrant(hel, tuominen, { from: "2026-11-01", to: "2026-12-31" }, "2026-11-22"))).toEqual([
      "STAFFING.ACCESS_IN_PAST",
    ]);
  });

  it("ends access from yesterday at the earliest, and not before its first day", () => {
    const access = { id: "pa-x", staffId: tuominen.id, interval: { from: "2024-05-01", to: null }, areas: "x" };
    expect(checkAccessEnd(access, "2026-11-21", "2026-11-22")).toEqual([]);
    expect(codes(checkAccessEnd(access, "2026-11-20", "2026-11-22"))).toEqual(["STAFFING.ACCESS_END_IN_PAST"]);
    const later = { ...access, interval: { from: "2027-01-01", to: null } };
    expect(codes(checkAccessEnd(later, "2026-12-31", "2026-11-22"))).toEqual(["STAFFING.ACCESS_END_IN_PAST"]);
    expect(checkAccessEnd(later, "2027-01-01", "2026-11-22")).toEqual([]);
  });

  it("needs no clearance for police staff", () => {
    expect(checkPremisesGrant(hel, person("st-hpl-heikkinen"), { from: "2026-12-01", to: null }, "2026-11-22")).toEqual(
      [],
    );
  });

  it("gives a mail account only to cleared city staff without one", () => {
    const without = { ...tuominen, policeMailAccount: false };
    expect(checkMailAccountGrant(hel, without, "2026-11-22")).toEqual([]);
    expect(codes(checkMailAccountGrant(hel, tuominen, "2026-11-22"))).toEqual(["STAFFING.MAIL_ACCOUNT_EXISTS"]);
    expect(codes(checkMailAccountGrant(uncleared, without, "2026-11-22"))).toEqual(["STAFFING.CLEARANCE_MISSING"]);
    expect(codes(checkMailAccountGrant(hel, person("st-hpl-heikkinen"), "2026-11-22"))).toEqual([
      "STAFFING.POLICE_STAFF_HAS_MAIL",
    ]);
    expect(checkMailAccountClosing(tuominen)).toEqual([]);
    expect(codes(checkMailAccountClosing(without))).toEqual(["STAFFING.MAIL_ACCOUNT_MISSING"]);
  });
});

describe("revoking a clearance", () => {
  const tuominen = person("st-kuva-tuominen");
  const clearance = hel.clearances.find((c) => c.staffId === tuominen.id);
  if (!clearance) throw new Error("seed");

  it("revokes a granted clearance once, not before its grant", () => {
    expect(checkClearanceRevocation(clearance, tuominen, "2026-12-01")).toEqual([]);
    expect(codes(checkClearanceRevocation(clearance, tuominen, "2024-04-14"))).toEqual([
      "STAFFING.REVOCATION_BEFORE_GRANT",
    ]);
    expect(codes(checkClearanceRevocation({ ...clearance, revokedOn: "2026-01-01" }, tuominen, "2026-12-01"))).toEqual([
      "STAFFING.CLEARANCE_ALREADY_REVOKED",
    ]);
    expect(codes(checkClearanceRevocation({ ...clearance, grantedOn: null }, tuominen, "2026-12-01"))).toEqual([
      "STAFFING.CLEARANCE_NOT_GRANTED",
    ]);
  });

  it("ends the access rights in force the day before, withdraws later ones and closes the mail account", () => {
    const later = { id: "pa-later", staffId: tuominen.id, interval: { from: "2027-01-01", to: null }, areas: "x" };
    const records = { ...hel, premisesAccess: [...hel.premisesAccess, later] };
    expect(withdrawnWithClearance(records, clearance, "2026-12-01")).toEqual({
      endAccess: [{ id: "pa-kuva-tuominen", validTo: "2026-11-30" }],
      withdrawAccess: ["pa-later"],
      closeMailAccount: true,
    });
  });

  it("takes nothing when another clearance still covers the day", () => {
    const renewal = { ...clearance, id: "sc-renewal", grantedOn: "2026-06-01", validUntil: "2031-05-31" };
    const records = { ...hel, clearances: [...hel.clearances, renewal] };
    expect(withdrawnWithClearance(records, clearance, "2026-12-01")).toEqual({
      endAccess: [],
      withdrawAccess: [],
      closeMailAccount: false,
    });
  });
});

import { describe, expect, it } from "vitest";
import { orgs } from "../cases/case.fixture.js";
import type { CaseStatus } from "../cases/case.js";
import type { MembershipBasis } from "./case-membership.js";
import { accessBasisOf, commandBasisOf, legalBases, legalBasisTexts } from "./legal-basis.js";

const today = "2026-03-01";
const member = (
  organisationId: string,
  basis: MembershipBasis,
  consentIds: string[] = [],
  to: string | null = null,
) => ({
  organisationId,
  basis,
  consentIds,
  from: "2026-01-01",
  to,
});
const caseWith = (status: CaseStatus, ...memberships: ReturnType<typeof member>[]) => ({ status, memberships });
const worker = { roles: ["social-worker" as const] };

describe("accessBasisOf", () => {
  it("is selection before admission and casework after it, for a selecting unit", () => {
    for (const status of ["referred", "in-selection"] as const)
      expect(
        accessBasisOf(worker, caseWith(status, member(orgs.social, "selecting-unit")), [orgs.social], today),
      ).toEqual({ basis: "selection", consentIds: [] });
    for (const status of ["admitted", "active", "closed", "declined"] as const)
      expect(
        accessBasisOf(worker, caseWith(status, member(orgs.social, "selecting-unit")), [orgs.social], today),
      ).toEqual({ basis: "casework", consentIds: [] });
  });

  it("names the consents of a seat under consent, once each and in order", () => {
    const c = caseWith(
      "active",
      member(orgs.school, "consent", ["c-2", "c-1"]),
      member(orgs.school, "consent", ["c-1"]),
    );
    expect(accessBasisOf(worker, c, [orgs.school], today)).toEqual({ basis: "consent", consentIds: ["c-1", "c-2"] });
  });

  it("prefers a full basis over consent, and marks the operational supervisor's access as supervision", () => {
    const c = caseWith("active", member(orgs.police, "consent", ["c-1"]), member(orgs.police, "meeting-seat"));
    expect(accessBasisOf(worker, c, [orgs.police], today)?.basis).toBe("casework");
    expect(accessBasisOf({ roles: ["operational-supervisor"] }, c, [orgs.police], today)?.basis).toBe("supervision");
  });

  it("is casework for an organisation with an existing client relationship", () => {
    const c = caseWith("active", member(orgs.childWelfare, "existing-clientship"));
    expect(accessBasisOf(worker, c, [orgs.childWelfare], today)).toEqual({ basis: "casework", consentIds: [] });
  });

  it("gives no basis for memberships of other organisations or ones that have ended", () => {
    const c = caseWith(
      "active",
      member(orgs.social, "selecting-unit"),
      member(orgs.school, "consent", ["c-1"], "2026-02-01"),
    );
    expect(accessBasisOf(worker, c, [orgs.youth], today)).toBeNull();
    expect(accessBasisOf(worker, c, [orgs.school], today)).toBeNull();
  });
});

describe("commandBasisOf", () => {
  const access = { basis: "casework" as const, consentIds: [] };
  it("gives a child welfare notification its statutory basis and selection steps theirs", () => {
    expect(commandBasisOf({ type: "record-child-welfare-notification" }, access).basis).toBe("statutory-notification");
    expect(commandBasisOf({ type: "record-selection-decision" }, access).basis).toBe("selection");
    expect(commandBasisOf({ type: "plan-meeting" }, access)).toBe(access);
  });
});

it("has a text in every language for every basis", () => {
  for (const b of legalBases) for (const l of ["fi", "sv", "en"] as const) expect(legalBasisTexts[b][l]).not.toBe("");
});

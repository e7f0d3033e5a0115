import { describe, expect, expectTypeOf, it } from "vitest";
import * as domain from "./index.js";
import type {
  Agreement,
  Case,
  CaseRuleCode,
  InvitationDecision,
  Period,
  Rotation,
  StaffingRecords,
  TeamDataset,
  Violation,
} from "./index.js";

// Other teams code against these names (issue: "Public API"); renaming one is a breaking change.
describe("the public API of @ankkuri/domain", () => {
  it("exports the named functions and the Helsinki dataset from the package root", () => {
    for (const name of [
      "isValidBusinessId",
      "parseBusinessId",
      "agreementEndDate",
      "chairOn",
      "chairCalendar",
      "realisedFte",
      "checkStaffing",
      "checkCase",
      "isCaseRuleCode",
      "countedAssignments",
      "canInvite",
    ] as const) {
      expect(typeof domain[name]).toBe("function");
    }
    expect(domain.helsinkiAnkkuri.team.code).toBe("helsinki");
  });

  it("keeps the documented signatures", () => {
    expectTypeOf(domain.isValidBusinessId).toEqualTypeOf<(id: string) => boolean>();
    expectTypeOf(domain.agreementEndDate).parameters.toEqualTypeOf<[Agreement, string]>();
    expectTypeOf(domain.chairOn).parameters.toEqualTypeOf<[Rotation, string]>();
    expectTypeOf(domain.chairCalendar).parameters.toEqualTypeOf<[Rotation, string, number]>();
    expectTypeOf(domain.checkCase).returns.toEqualTypeOf<Violation<CaseRuleCode>[]>();
    expectTypeOf(domain.countedAssignments).parameter(0).toEqualTypeOf<StaffingRecords>();
    expectTypeOf(domain.countedAssignments).parameter(1).toEqualTypeOf<Period>();
    expectTypeOf<TeamDataset>().toExtend<StaffingRecords>();
    expectTypeOf(domain.canInvite).returns.toEqualTypeOf<InvitationDecision>();
    expectTypeOf(domain.canInvite)
      .parameter(0)
      .toEqualTypeOf<Pick<Case, "id" | "status" | "client" | "guardians" | "consents">>();
    expectTypeOf(domain.helsinkiAnkkuri).toEqualTypeOf<TeamDataset>();
  });
});

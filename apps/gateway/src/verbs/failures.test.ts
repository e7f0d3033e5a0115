import { describe, expect, it } from "vitest";
import { RuleViolationFailure } from "../errors.js";
import { asMutationFailure } from "./failures.js";

describe("asMutationFailure", () => {
  it("names no constraint of the schema in a database refusal that expresses no rule", () => {
    // As the driver raises it (drizzle wraps it once more).
    const error = { message: "insert failed", cause: { code: "23503", constraint_name: "case_notes_case_id_fkey" } };
    const failure = asMutationFailure(error);
    expect(failure).toBeInstanceOf(RuleViolationFailure);
    expect(failure.code).toBe("DB.FOREIGN_KEY");
    expect(JSON.stringify(failure)).not.toContain("case_notes");
    expect(JSON.stringify(failure instanceof RuleViolationFailure ? failure.violations : null)).not.toContain("fkey");
  });

  it("answers a constraint that expresses a rule with the rule's code", () => {
    const error = { code: "23P01", constraint: "assignments_one_supervisor_per_day" };
    expect(asMutationFailure(error).code).toBe("STAFFING.SUPERVISOR_OVERLAP");
  });

  it("answers a second open lead worker written concurrently as the domain's rule, in Swedish too", () => {
    const failure = asMutationFailure({ code: "23505", constraint: "case_workers_one_open_lead" });
    expect(failure.code).toBe("CASEWORKER.LEAD_TAKEN");
    const violations = failure instanceof RuleViolationFailure ? failure.violations : [];
    expect(violations[0]?.message.sv).toContain("ansvarig arbetstagare");
    expect(asMutationFailure({ code: "23505", constraint: "case_workers_one_open_per_person" }).code).toBe(
      "CASEWORKER.ALREADY_ASSIGNED",
    );
  });
});

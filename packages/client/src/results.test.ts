import { describe, expect, expectTypeOf, it } from "vitest";
import type { PlanMeetingMutation } from "./operations.js";
import { errorOf, isConflict, isError, isNotFound, isRuleViolation, payloadOf, violationsOf } from "./results.js";

type Result = PlanMeetingMutation["planMeeting"];

const refused = {
  __typename: "RuleViolationError",
  code: "RULE_VIOLATION",
  message: "Tapaamista ei voi suunnitella",
  path: null,
  violations: [{ code: "MEETING.CONSENT_MISSING", severity: "ERROR", message: "Suostumus puuttuu", ids: [] }],
} as unknown as Result;
const planned = { __typename: "CasePayload", case: { caseId: "c", version: 2, meetings: [] } } as unknown as Result;
const stale = {
  __typename: "ConflictError",
  code: "CONFLICT",
  message: "m",
  path: null,
  currentVersion: 3,
} as unknown as Result;
const missing = { __typename: "NotFoundError", code: "NOT_FOUND", message: "m", path: null } as unknown as Result;

describe("the mutation result helpers", () => {
  it("tell a payload from each expected error", () => {
    expect([planned, refused, stale, missing].map((r) => isError(r))).toEqual([false, true, true, true]);
    expect(payloadOf(planned)).toBe(planned);
    expect(payloadOf(refused)).toBeNull();
    expect(errorOf(planned)).toBeNull();
    expect(errorOf(stale)?.code).toBe("CONFLICT");
    expect(isConflict(stale) && stale.currentVersion).toBe(3);
    expect(isNotFound(missing)).toBe(true);
    expect(isRuleViolation(stale)).toBe(false);
    expect(isError(null)).toBe(false);
  });

  it("give the violations of a refusal, typed, and none otherwise", () => {
    const violations = violationsOf(refused);
    expect(violations.map((v) => v.code)).toEqual(["MEETING.CONSENT_MISSING"]);
    expect(violationsOf(planned)).toEqual([]);
    if (isRuleViolation(refused)) expectTypeOf(refused.violations[0]?.message).toEqualTypeOf<string | undefined>();
    const payload = payloadOf(planned);
    if (payload) expectTypeOf(payload.case.version).toEqualTypeOf<number>();
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../core/local-date.js";
import type { CaseStatus } from "./case.js";
import { decideReferral, type EarlierCase, isOpenCase, type ReferralDecision } from "./returning-client.js";

/*
 * Random histories of referrals, selections that decline and closings, for a few clients of one
 * team, applied through `decideReferral` the way `referCase` applies it. After every step no client
 * has two open cases, every referral is kept (as a case's first referral or a later one), and a new
 * case of a returning client names an ended case of the same client.
 */

type Step =
  | { kind: "refer"; client: number; gap: number }
  | { kind: "end"; client: number; status: "declined" | "closed"; gap: number };

const clients = 3;
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("refer" as const), client: fc.nat(clients - 1), gap: fc.nat(40) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("end" as const),
      client: fc.nat(clients - 1),
      status: fc.constantFrom("declined" as const, "closed" as const),
      gap: fc.nat(40),
    }),
  },
);

interface StoredCase extends EarlierCase {
  client: number;
  referrals: number;
  previousCaseId: string | null;
}

describe("returning clients (property)", () => {
  it("no history of referrals and closings ever leaves two open cases for one client", () => {
    const reached = new Set<ReferralDecision["kind"]>();
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
        const cases: StoredCase[] = [];
        let today = "2026-01-01";
        let referrals = 0;
        for (const step of steps) {
          today = addDays(today, step.gap);
          const own = cases.filter((c) => c.client === step.client);
          if (step.kind === "end") {
            // A selection declines, or the work ends: the client's open case, if any, ends.
            const open = own.find((c) => isOpenCase(c.status));
            if (open) open.status = step.status satisfies CaseStatus;
          } else {
            referrals += 1;
            const decision = decideReferral(own);
            reached.add(decision.kind);
            if (decision.kind === "add-to-open-case") {
              const joined = cases.find((c) => c.id === decision.caseId);
              expect(joined?.client).toBe(step.client);
              if (joined) joined.referrals += 1;
            } else {
              if (decision.kind === "open-linked-case") {
                const previous = cases.find((c) => c.id === decision.previousCaseId);
                expect(previous?.client).toBe(step.client);
                expect(previous && isOpenCase(previous.status)).toBe(false);
              } else {
                expect(own).toEqual([]);
              }
              cases.push({
                id: `case-${String(cases.length + 1)}`,
                client: step.client,
                status: "referred",
                referredOn: today,
                referrals: 1,
                previousCaseId: decision.kind === "open-linked-case" ? decision.previousCaseId : null,
              });
            }
          }
          for (let client = 0; client < clients; client++) {
            expect(cases.filter((c) => c.client === client && isOpenCase(c.status)).length).toBeLessThanOrEqual(1);
          }
          expect(cases.reduce((sum, c) => sum + c.referrals, 0)).toBe(referrals);
        }
      }),
      { numRuns: 300 },
    );
    // Not vacuous: the runs reached every kind of decision.
    expect([...reached].sort()).toEqual(["add-to-open-case", "new-client", "open-linked-case"]);
  });
});

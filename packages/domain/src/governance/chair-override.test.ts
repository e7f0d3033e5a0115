import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { helsinkiAnkkuri as hel, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import { checkChairOverride } from "./chair-override.js";
import { chairOn, type Rotation, type RotationEvent, termStart } from "./chair-rotation.js";

const body = hel.bodies.find((b) => b.id === "body-hel-ankkuri-steering");
if (body?.chairPolicy.kind !== "rotating") throw new Error("seed");
const rotation = body.chairPolicy.rotation;
const input = { agreement: hel.agreement, organisations: hel.organisations, body, rotation };
type Override = Extract<RotationEvent, { kind: "override" }>;
const override = (partyId: string, termStart = "2027-05-01", reference = "Päätös 1/2027"): Override => ({
  kind: "override",
  termStart,
  partyId,
  decidedOn: "2027-01-15",
  reference,
});
const codes = (r: ReturnType<typeof checkChairOverride>) => (r.ok ? [] : r.error.map((v) => v.code));

describe("checkChairOverride", () => {
  it("gives a term to a seated party in force throughout it", () => {
    const result = checkChairOverride(input, override(org.sotepe), false);
    expect(result.ok && chairOn(result.rotation, "2027-06-01")?.chairId).toBe(org.sotepe);
  });

  it("refuses a day that starts no term", () => {
    expect(codes(checkChairOverride(input, override(org.sotepe, "2027-06-01"), false))).toEqual([
      "ROTATION.OVERRIDE_NOT_TERM_START",
    ]);
  });

  it("refuses a party without a seat, naming it and the body", () => {
    const result = checkChairOverride(input, override(org.hus), false);
    expect(codes(result)).toEqual(["ROTATION.CHAIR_WITHOUT_SEAT"]);
    expect(result.ok ? "" : result.error[0]?.message.fi).not.toContain(org.hus);
  });

  it("refuses a party whose notice ends its part before the term ends", () => {
    const notice = { id: "n-kuva", partyId: org.kuva, givenOn: "2027-08-31", reference: "x" };
    const agreement = { ...hel.agreement, notices: [notice] };
    expect(codes(checkChairOverride({ ...input, agreement }, override(org.kuva), false))).toEqual([
      "ROTATION.CHAIR_NOT_IN_FORCE",
    ]);
    // The term before ends before the notice does: Kuva may chair it.
    expect(codes(checkChairOverride({ ...input, agreement }, override(org.kuva, "2026-05-01"), false))).toEqual([]);
  });

  it("replaces an earlier decision on the term only explicitly, keeping the earlier one visible", () => {
    const first = checkChairOverride(input, override(org.sotepe), false);
    if (!first.ok) throw new Error("first");
    const again = { ...input, rotation: first.rotation };
    const refused = checkChairOverride(again, override(org.kuva, "2027-05-01", "Päätös 2/2027"), false);
    expect(codes(refused)).toEqual(["ROTATION.OVERRIDE_EXISTS"]);
    expect(refused.ok ? "" : refused.error[0]?.message.en).toContain("Päätös 1/2027");
    const replaced = checkChairOverride(again, override(org.kuva, "2027-05-01", "Päätös 2/2027"), true);
    if (!replaced.ok) throw new Error("replaced");
    const term = chairOn(replaced.rotation, "2027-05-01");
    expect(term?.chairId).toBe(org.kuva);
    expect(term?.override?.reference).toBe("Päätös 2/2027");
    expect(term?.replaced).toEqual([{ partyId: org.sotepe, decidedOn: "2027-01-15", reference: "Päätös 1/2027" }]);
  });
});

describe("repeated decisions on terms (property)", () => {
  const parties = [org.police, org.sotepe, org.kuva];
  it("the last decision on a term stands and the earlier ones are listed in order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ term: fc.integer({ min: 0, max: 5 }), party: fc.integer({ min: 0, max: 2 }) }), {
          maxLength: 12,
        }),
        (decisions) => {
          const events: Override[] = decisions.map((d, i) =>
            override(parties[d.party]!, termStart(rotation, d.term), `Päätös ${String(i)}`),
          );
          const withDecisions: Rotation = { ...rotation, events };
          for (let t = 0; t <= 5; t++) {
            const onTerm = events.filter((e) => e.termStart === termStart(rotation, t));
            const chair = chairOn(withDecisions, termStart(rotation, t));
            const last = onTerm[onTerm.length - 1];
            if (!last) {
              expect(chair?.override).toBeNull();
              continue;
            }
            expect(chair?.chairId).toBe(last.partyId);
            expect(chair?.override?.reference).toBe(last.reference);
            expect((chair?.replaced ?? []).map((r) => r.reference)).toEqual(
              onTerm.slice(0, -1).map((e) => e.reference),
            );
          }
        },
      ),
    );
  });
});

import { describe, expect, it } from "vitest";
import { coreOrganisationIds } from "../agreement/agreement-terms.js";
import { indexOrganisations } from "../organisations/organisation.js";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import {
  type CaseLink,
  caseLinkRefusals,
  type DomesticViolenceRole,
  inCoreTeam,
  type LinkedCase,
  linkedCasesOf,
  type LinkRequest,
  linkShownTo,
  mayChangeLink,
  maxLinkedCases,
  unlinkRefusals,
} from "./case-links.js";

const plain = (...ids: string[]): LinkedCase[] => ids.map((caseId) => ({ caseId, role: null }));
const codes = (found: { code: string }[]) => found.map((v) => v.code);
const core = { linkerInCoreTeam: true, existing: [] };
const request = (
  relation: LinkRequest["relation"],
  caseIds: string[],
  roles: [string, DomesticViolenceRole][] = [],
): LinkRequest => ({ relation, caseIds, roles: roles.map(([caseId, role]) => ({ caseId, role })) });

const link = (over: Partial<CaseLink> = {}): CaseLink => ({
  id: "link-1",
  relation: "siblings",
  cases: plain("a", "b", "c"),
  linkedOn: "2026-11-01",
  unlinkedOn: null,
  ...over,
});

describe("linking cases", () => {
  it("accepts siblings without roles and domestic violence with each case's role", () => {
    expect(caseLinkRefusals(request("siblings", ["a", "b"]), core)).toEqual([]);
    const dv = request(
      "domestic-violence-parties",
      ["a", "b"],
      [
        ["b", "witness-child"],
        ["a", "victim"],
      ],
    );
    expect(caseLinkRefusals(dv, core)).toEqual([]);
    expect(linkedCasesOf(dv)).toEqual([
      { caseId: "a", role: "victim" },
      { caseId: "b", role: "witness-child" },
    ]);
  });

  it("refuses fewer than two different cases, a case twice, and more than the limit", () => {
    expect(codes(caseLinkRefusals(request("siblings", ["a"]), core))).toEqual(["LINK.TOO_FEW_CASES"]);
    expect(codes(caseLinkRefusals(request("siblings", []), core))).toEqual(["LINK.TOO_FEW_CASES"]);
    expect(codes(caseLinkRefusals(request("same-household", ["a", "a"]), core))).toEqual([
      "LINK.TOO_FEW_CASES",
      "LINK.DUPLICATE_CASE",
    ]);
    const many = Array.from({ length: maxLinkedCases + 1 }, (_, i) => `c${String(i)}`);
    expect(codes(caseLinkRefusals(request("siblings", many), core))).toEqual(["LINK.TOO_MANY_CASES"]);
    expect(caseLinkRefusals(request("siblings", many.slice(1)), core)).toEqual([]);
  });

  it("refuses a domestic-violence link without every role, and roles in any other link", () => {
    const found = caseLinkRefusals(request("domestic-violence-parties", ["a", "b"], [["a", "perpetrator"]]), core);
    expect(found.map((v) => [v.code, v.ids])).toEqual([["LINK.ROLE_MISSING", ["b"]]]);
    expect(codes(caseLinkRefusals(request("siblings", ["a", "b"], [["a", "victim"]]), core))).toEqual([
      "LINK.ROLE_NOT_APPLICABLE",
    ]);
  });

  it("refuses a role for a case outside the link, or two roles for one case", () => {
    const stray = caseLinkRefusals(
      request(
        "domestic-violence-parties",
        ["a", "b"],
        [
          ["a", "victim"],
          ["b", "perpetrator"],
          ["x", "witness-child"],
        ],
      ),
      core,
    );
    expect(stray.map((v) => [v.code, v.ids])).toEqual([["LINK.ROLE_OF_OTHER_CASE", ["x"]]]);
    const doubled = caseLinkRefusals(
      request(
        "domestic-violence-parties",
        ["a", "b"],
        [
          ["a", "victim"],
          ["b", "perpetrator"],
          ["a", "perpetrator"],
        ],
      ),
      core,
    );
    expect(doubled.map((v) => [v.code, v.ids])).toEqual([["LINK.ROLE_OF_OTHER_CASE", ["a"]]]);
  });

  it("refuses a domestic-violence link by someone outside the core team, but not siblings", () => {
    const outsider = { linkerInCoreTeam: false, existing: [] };
    const dv = request(
      "domestic-violence-parties",
      ["a", "b"],
      [
        ["a", "victim"],
        ["b", "perpetrator"],
      ],
    );
    expect(codes(caseLinkRefusals(dv, outsider))).toEqual(["LINK.CORE_TEAM_ONLY"]);
    // The core team's link of the same cases is not disclosed by the refusal.
    const existing = [link({ relation: "domestic-violence-parties", cases: plain("a", "b") })];
    expect(codes(caseLinkRefusals(dv, { ...outsider, existing }))).toEqual(["LINK.CORE_TEAM_ONLY"]);
    expect(codes(caseLinkRefusals(dv, { ...core, existing }))).toEqual(["LINK.ALREADY_LINKED"]);
    expect(caseLinkRefusals(request("siblings", ["a", "b"]), outsider)).toEqual([]);
  });

  it("refuses two cases already linked by the same relation, not by another one or an ended link", () => {
    const existing = [link({ cases: plain("a", "b") })];
    const again = caseLinkRefusals(request("siblings", ["b", "x", "a"]), { ...core, existing });
    expect(again.map((v) => [v.code, v.ids])).toEqual([["LINK.ALREADY_LINKED", ["link-1", "b", "a"]]]);
    expect(caseLinkRefusals(request("same-household", ["a", "b"]), { ...core, existing })).toEqual([]);
    const ended = [link({ cases: plain("a", "b"), unlinkedOn: "2026-11-10" })];
    expect(caseLinkRefusals(request("siblings", ["a", "b"]), { ...core, existing: ended })).toEqual([]);
  });

  it("has a message in Finnish, Swedish and English for every refusal, naming no ids or codes", () => {
    const all = [
      ...caseLinkRefusals(request("siblings", ["a"], [["x", "victim"]]), core),
      ...caseLinkRefusals(request("domestic-violence-parties", ["a", "a"]), { linkerInCoreTeam: false, existing: [] }),
      ...caseLinkRefusals(
        request(
          "siblings",
          Array.from({ length: 11 }, (_, i) => String(i)),
        ),
        core,
      ),
      ...caseLinkRefusals(request("siblings", ["a", "b"]), { ...core, existing: [link()] }),
      ...unlinkRefusals({ id: "l", unlinkedOn: "2026-11-01" }),
    ];
    expect(new Set(codes(all)).size).toBe(9);
    for (const v of all) {
      expect(v.message.sv, v.code).toMatch(/\S/);
      expect(v.message.sv, v.code).not.toBe(v.message.fi);
      expect(`${v.message.fi} ${v.message.sv} ${v.message.en}`).not.toMatch(/org-|[a-z]+-[a-z]+-[a-z]+/);
    }
  });
});

describe("who may change a link", () => {
  it("only someone who sees every case in full", () => {
    expect(mayChangeLink(["full", "full"])).toBe(true);
    expect(mayChangeLink(["full", "limited"])).toBe(false);
    expect(mayChangeLink(["full", null])).toBe(false);
    expect(mayChangeLink([])).toBe(false);
  });

  it("ends a link once", () => {
    expect(unlinkRefusals({ id: "l", unlinkedOn: null })).toEqual([]);
    expect(codes(unlinkRefusals({ id: "l", unlinkedOn: "2026-11-01" }))).toEqual(["LINK.ALREADY_UNLINKED"]);
  });
});

describe("what a link shows", () => {
  const seeing =
    (...ids: string[]) =>
    (caseId: string) =>
      ids.includes(caseId);

  it("shows only the linked cases the viewer may see", () => {
    expect(linkShownTo(link(), { inCoreTeam: true, canSee: seeing("a", "c") })).toEqual(plain("a", "c"));
  });

  it("shows nothing when the viewer sees one case alone: a hidden sibling stays hidden", () => {
    expect(linkShownTo(link(), { inCoreTeam: true, canSee: seeing("a") })).toBeNull();
    expect(linkShownTo(link(), { inCoreTeam: true, canSee: seeing() })).toBeNull();
  });

  it("shows a domestic-violence link to the core team only, whatever else they may see", () => {
    const dv = link({
      relation: "domestic-violence-parties",
      cases: [
        { caseId: "a", role: "victim" },
        { caseId: "b", role: "perpetrator" },
      ],
    });
    expect(linkShownTo(dv, { inCoreTeam: false, canSee: seeing("a", "b") })).toBeNull();
    expect(linkShownTo(dv, { inCoreTeam: true, canSee: seeing("a", "b") })).toEqual(dv.cases);
  });

  it("shows an ended link to nobody", () => {
    expect(linkShownTo(link({ unlinkedOn: "2026-11-02" }), { inCoreTeam: true, canSee: () => true })).toBeNull();
  });

  it("counts a unit of a core organisation as core, and another unit of the same division not", () => {
    const organisations = indexOrganisations(helsinkiAnkkuri.organisations);
    const coreIds = coreOrganisationIds(helsinkiAnkkuri.agreement, "2026-11-22");
    expect(inCoreTeam(org.youthServices, coreIds, organisations)).toBe(true);
    expect(inCoreTeam(org.socialEmergency, coreIds, organisations)).toBe(true);
    expect(inCoreTeam(org.childWelfare, coreIds, organisations)).toBe(false);
    expect(inCoreTeam(org.education, coreIds, organisations)).toBe(false);
  });
});

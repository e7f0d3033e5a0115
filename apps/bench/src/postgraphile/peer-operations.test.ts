import { describe, expect, it } from "vitest";
import { peerOperations } from "./peer-operations.js";

const caseList = peerOperations.find((o) => o.key === "case-list");
if (!caseList) throw new Error("case-list peer operation missing");

const gatewayPage = (totalCount: number, totalCountIsCapped: boolean) => ({
  cases: {
    totalCount,
    totalCountIsCapped,
    nodes: [
      {
        caseId: "c1",
        nextMeeting: { meetingId: "m1" },
        organisations: [{ organisation: { id: "org-b" } }, { organisation: { id: "org-a" } }],
      },
    ],
  },
});
const peerPage = (totalCount: number) => ({
  allCases: {
    totalCount,
    nodes: [
      {
        rowId: "c1",
        nextMeeting: { rowId: "m1" },
        organisationsToday: {
          nodes: [
            { organisationByOrganisationId: { rowId: "org-a" } },
            { organisationByOrganisationId: { rowId: "org-b" } },
          ],
        },
      },
    ],
  },
});

describe("the case list's comparable form", () => {
  it("holds a capped count to any exact count above the cap", () => {
    expect(caseList.fromGateway(gatewayPage(10_000, true))).toBe(caseList.fromPostgraphile(peerPage(27_408)));
  });

  it("holds counts below the cap exactly", () => {
    expect(caseList.fromGateway(gatewayPage(812, false))).toBe(caseList.fromPostgraphile(peerPage(812)));
    expect(caseList.fromGateway(gatewayPage(812, false))).not.toBe(caseList.fromPostgraphile(peerPage(813)));
    expect(caseList.fromGateway(gatewayPage(10_000, false))).not.toBe(caseList.fromPostgraphile(peerPage(10_001)));
  });
});

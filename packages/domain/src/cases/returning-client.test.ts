import { describe, expect, it } from "vitest";
import { decideReferral, type EarlierCase, isOpenCase, openCaseStatuses } from "./returning-client.js";
import { caseStatuses } from "./case.js";

const earlier = (id: string, status: EarlierCase["status"], referredOn: string): EarlierCase => ({
  id,
  status,
  referredOn,
});

describe("decideReferral", () => {
  it("makes a client without earlier cases a new client", () => {
    expect(decideReferral([])).toEqual({ kind: "new-client" });
  });

  it("adds the referral to the open case, whatever else the client has had", () => {
    for (const status of openCaseStatuses) {
      expect(decideReferral([earlier("old", "closed", "2025-01-01"), earlier("now", status, "2026-01-01")])).toEqual({
        kind: "add-to-open-case",
        caseId: "now",
      });
    }
  });

  it("opens a new case linked to the latest ended one when every case has ended", () => {
    expect(
      decideReferral([
        earlier("first", "closed", "2024-03-01"),
        earlier("latest", "declined", "2025-06-01"),
        earlier("middle", "closed", "2025-01-01"),
      ]),
    ).toEqual({ kind: "open-linked-case", previousCaseId: "latest" });
  });

  it("joins the earliest open case if the records ever held two, in any order given", () => {
    const two = [earlier("b", "active", "2026-02-01"), earlier("a", "referred", "2026-01-01")];
    expect(decideReferral(two)).toEqual({ kind: "add-to-open-case", caseId: "a" });
    expect(decideReferral([...two].reverse())).toEqual({ kind: "add-to-open-case", caseId: "a" });
  });

  it("counts as open exactly the statuses before a case is declined or closed", () => {
    expect(caseStatuses.filter(isOpenCase)).toEqual(["referred", "in-selection", "admitted", "active"]);
  });
});

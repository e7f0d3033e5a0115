import { describe, expect, it } from "vitest";
import { helsinkiAnkkuri } from "./helsinki/index.js";
import { checkTeamDataset, teamDatasetSchema } from "./team-dataset.js";

const period = { from: "2024-05-01", to: "2025-04-30" };
const codes = (dataset: typeof helsinkiAnkkuri) => checkTeamDataset(dataset, period).map((v) => v.code);

describe("checkTeamDataset", () => {
  it("reports a record of another team", () => {
    const staff = helsinkiAnkkuri.staff.map((s, i) => (i === 0 ? { ...s, teamId: "team-tampere" } : s));
    expect(codes({ ...helsinkiAnkkuri, staff })).toContain("TEAM.FOREIGN_RECORD");
  });

  it("reports an agreement that is not the team's", () => {
    expect(codes({ ...helsinkiAnkkuri, team: { ...helsinkiAnkkuri.team, agreementId: "agreement-other" } })).toContain(
      "TEAM.AGREEMENT_MISMATCH",
    );
  });

  it("reports organisations referenced but missing", () => {
    const organisations = helsinkiAnkkuri.organisations.filter((o) => o.id !== "org-hel-kuva-youth");
    const found = checkTeamDataset({ ...helsinkiAnkkuri, organisations }, period);
    expect(found.find((v) => v.code === "TEAM.UNKNOWN_ORGANISATION")?.ids).toEqual(["org-hel-kuva-youth"]);
  });

  it("rejects a malformed dataset at the schema", () => {
    const result = teamDatasetSchema.safeParse({
      ...helsinkiAnkkuri,
      team: { ...helsinkiAnkkuri.team, code: "Not A Code" },
    });
    expect(result.success).toBe(false);
  });
});

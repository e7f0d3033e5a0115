import { describe, expect, it } from "vitest";
import { defaultReportLanguages } from "./report-languages.js";
import { foreignRecords, teamSchema } from "./team.js";

const team = {
  id: "team-fixture",
  code: "helsinki",
  name: { fi: "Ankkuri Helsinki", sv: "Ankkuri Helsingfors", en: "Ankkuri Helsinki" },
  policeDepartmentId: "org-police",
  agreementId: "agreement-fixture",
  reportLanguages: ["fi", "sv"],
};

describe("teamSchema", () => {
  it("accepts a team with a lowercase code and names in three languages", () => {
    expect(teamSchema.parse(team)).toEqual(team);
    expect(teamSchema.safeParse({ ...team, code: "itä-uusimaa" }).success).toBe(false);
    expect(teamSchema.safeParse({ ...team, code: "ita-uusimaa-2" }).success).toBe(true);
  });

  it.each([
    ["uppercase letters", "Helsinki"],
    ["a single character", "h"],
    ["a leading digit", "1helsinki"],
    ["a leading hyphen", "-helsinki"],
    ["a space", "hel sinki"],
    ["more than 40 characters", `h${"a".repeat(40)}`],
  ])("refuses a code with %s", (_, code) => {
    const result = teamSchema.safeParse({ ...team, code });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Team codes are lowercase letters, digits and hyphens");
  });

  it("accepts a code of exactly 40 characters", () => {
    expect(teamSchema.safeParse({ ...team, code: `h${"a".repeat(39)}` }).success).toBe(true);
  });

  it("requires the name in Finnish, Swedish and English", () => {
    expect(teamSchema.safeParse({ ...team, name: { fi: "Ankkuri", en: "Ankkuri" } }).success).toBe(false);
    expect(teamSchema.safeParse({ ...team, name: { ...team.name, sv: "  " } }).success).toBe(false);
  });

  it("produces scheduled reports in Finnish unless the team sets its languages", () => {
    const { reportLanguages: _, ...unset } = team;
    expect(defaultReportLanguages).toEqual(["fi"]);
    expect(teamSchema.parse(unset).reportLanguages).toEqual(["fi"]);
    expect(teamSchema.parse(team).reportLanguages).toEqual(["fi", "sv"]);
    expect(teamSchema.safeParse({ ...team, reportLanguages: [] }).success).toBe(false);
    expect(teamSchema.safeParse({ ...team, reportLanguages: ["sv", "sv"] }).success).toBe(false);
    // Each parse gets its own array: changing one team's cannot change the next team's default.
    teamSchema.parse(unset).reportLanguages.push("sv");
    expect(teamSchema.parse(unset).reportLanguages).toEqual(["fi"]);
  });

  it("refuses ids that could carry markup", () => {
    expect(teamSchema.safeParse({ ...team, id: "<script>" }).success).toBe(false);
    expect(teamSchema.safeParse({ ...team, agreementId: "" }).success).toBe(false);
    expect(teamSchema.safeParse({ ...team, policeDepartmentId: "x'; drop table" }).success).toBe(false);
  });
});

describe("foreignRecords", () => {
  it("lists the ids of records that belong to another team, in order", () => {
    const records = [
      { id: "case-1", teamId: "team-fixture" },
      { id: "case-2", teamId: "team-elsewhere" },
      { id: "case-3", teamId: "team-fixture" },
      { id: "case-4", teamId: "team-third" },
    ];
    expect(foreignRecords("team-fixture", records)).toEqual(["case-2", "case-4"]);
    expect(foreignRecords("team-elsewhere", records)).toEqual(["case-1", "case-3", "case-4"]);
  });

  it("finds nothing when every record is the team's own, or there are none", () => {
    expect(foreignRecords("team-fixture", [{ id: "a", teamId: "team-fixture" }])).toEqual([]);
    expect(foreignRecords("team-fixture", [])).toEqual([]);
  });

  it("compares team ids exactly", () => {
    expect(
      foreignRecords("team-fixture", [
        { id: "a", teamId: "TEAM-FIXTURE" },
        { id: "b", teamId: "team-fixture " },
      ]),
    ).toEqual(["a", "b"]);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../query-rows.js";
import { seededTestDatabase, testEngines } from "../testing/index.js";
import * as t from "./tables.js";

/*
 * The `team_report_languages` migration on a database seeded before it: every team's scheduled
 * reports stay Finnish (the column's default), except Helsinki's, which it makes Finnish and Swedish.
 */

const folder = fileURLToPath(new URL("../../drizzle/", import.meta.url));
const migration = readdirSync(folder).find((name) => name.endsWith("_team_report_languages"));
const statements = readFileSync(`${folder}${migration ?? "missing"}/migration.sql`, "utf8")
  .split("--> statement-breakpoint")
  .map((s) => s.replace(/^\s*--.*$/gm, "").trim());
const updates = statements.filter((s) => s.startsWith("UPDATE"));

describe.each(testEngines)("the team_report_languages migration on %s", (engine) => {
  const database = seededTestDatabase(engine);
  const languages = async () =>
    Object.fromEntries(
      (
        await queryRows<{ id: string; report_languages: string[] }>(
          database.db,
          sql`select id, report_languages from teams order by id`,
        )
      ).map((r) => [r.id, r.report_languages]),
    );

  it("gives the Helsinki team seeded before it Finnish and Swedish, and leaves other teams Finnish", async () => {
    expect(updates).toHaveLength(1);
    const { db } = database;
    // As a database seeded before the migration has it: the column just added, at its default.
    await db.execute(sql`update teams set report_languages = default`);
    await db.insert(t.teams).values({
      id: "team-other",
      code: "other",
      nameFi: "X",
      nameSv: "X",
      nameEn: "X",
      policeDepartmentId: org.police,
    });
    expect(await languages()).toEqual({ [helsinkiAnkkuri.team.id]: ["fi"], "team-other": ["fi"] });

    for (const statement of updates) await db.execute(sql.raw(statement));
    expect(await languages()).toEqual({ [helsinkiAnkkuri.team.id]: ["fi", "sv"], "team-other": ["fi"] });
    // Run again: nothing changes.
    for (const statement of updates) await db.execute(sql.raw(statement));
    expect(await languages()).toEqual({ [helsinkiAnkkuri.team.id]: ["fi", "sv"], "team-other": ["fi"] });
  });
});

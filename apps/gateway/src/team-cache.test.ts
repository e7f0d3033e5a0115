import { schema } from "@ankkuri/db";
import { seededTestDatabase, testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { TeamCache, UnknownTeamError } from "./team-cache.js";

const teamId = helsinkiAnkkuri.team.id;

describe.each(testEngines)("the team cache on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("loads a team's dataset once while it is unchanged, and again after any change", async () => {
    const cache = new TeamCache();
    const first = await cache.get(database.db, teamId);
    const again = await cache.get(database.db, teamId);
    expect(again).toBe(first);
    expect(cache.loads).toBe(1);
    expect(first.organisationRows.get(helsinkiAnkkuri.team.policeDepartmentId)?.nameFi).toBe("Helsingin poliisilaitos");
    const person = first.dataset.staff[0];
    await database.db
      .update(schema.staff)
      .set({ title: "Ylikonstaapeli" })
      .where(eq(schema.staff.id, person?.id ?? ""));
    const changed = await cache.get(database.db, teamId);
    expect(cache.loads).toBe(2);
    expect(changed.dataset.staff.find((s) => s.id === person?.id)?.title).toBe("Ylikonstaapeli");
  });

  it("sees a change written by anyone else, e.g. another gateway instance", async () => {
    const cache = new TeamCache();
    await cache.get(database.db, teamId);
    // Written past the cache: only the dataset version tells it.
    await database.db
      .update(schema.cooperationBodies)
      .set({ nameEn: "Steering group (renamed)" })
      .where(eq(schema.cooperationBodies.teamId, teamId));
    const reloaded = await cache.get(database.db, teamId);
    expect(cache.loads).toBe(2);
    expect(reloaded.dataset.bodies.some((b) => b.name.en === "Steering group (renamed)")).toBe(true);
  });

  it("refuses a team the database does not hold, and does not keep the failure", async () => {
    const cache = new TeamCache();
    await expect(cache.get(database.db, "team-none")).rejects.toBeInstanceOf(UnknownTeamError);
    expect(cache.loads).toBe(0);
  });
});

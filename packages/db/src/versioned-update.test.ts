import { helsinkiAnkkuri } from "@ankkuri/domain";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { RowNotFoundError, StaleWriteError } from "./errors.js";
import { staff } from "./schema/tables.js";
import { seededTestDatabase, testEngines } from "./testing/index.js";
import { updateVersioned } from "./versioned-update.js";

const teamId = helsinkiAnkkuri.team.id;
const key = { teamId, id: "st-kuva-tuominen", entity: "staff member" };

describe.each(testEngines)("optimistic concurrency on %s", (engine) => {
  const database = seededTestDatabase(engine);

  const title = async () =>
    (
      await database.db
        .select()
        .from(staff)
        .where(and(eq(staff.teamId, teamId), eq(staff.id, key.id)))
    )[0];

  it("updates the row of the expected version and bumps the version", async () => {
    expect(await updateVersioned(database.db, staff, key, 0, { title: "vastaava nuoriso-ohjaaja" })).toBe(1);
    expect(await title()).toMatchObject({ title: "vastaava nuoriso-ohjaaja", version: 1 });
  });

  it("refuses a stale version and changes nothing", async () => {
    await expect(updateVersioned(database.db, staff, key, 0, { title: "lost update" })).rejects.toBeInstanceOf(
      StaleWriteError,
    );
    expect(await title()).toMatchObject({ title: "vastaava nuoriso-ohjaaja", version: 1 });
  });

  it("says when the row does not exist", async () => {
    await expect(
      updateVersioned(database.db, staff, { ...key, id: "st-nobody" }, 0, { title: "x" }),
    ).rejects.toBeInstanceOf(RowNotFoundError);
  });
});

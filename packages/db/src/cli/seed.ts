import { helsinkiAnkkuri } from "@ankkuri/domain";
import { analyze } from "../analyze.js";
import { seedTeam } from "../seed/seed-team.js";
import { withRuntime } from "./cli.js";

// `pnpm db:seed`: loads the Helsinki Ankkuri dataset and its fictional users (idempotent).
await withRuntime("db:seed", async ({ handle }) => {
  await seedTeam(handle.db, helsinkiAnkkuri);
  await analyze(handle.db);
});

import { defaultTemplateDir, parseDatabaseConfig, prepareTemplate } from "@ankkuri/db";
import { helsinkiDataFolder } from "../data-folder.js";

// `pnpm install` runs this (the workspace's postinstall): the prepared data folder a new embedded
// database is copied from, so the first `pnpm start` skips initdb, migrations and seeding. It never
// fails the install: without it, the first start makes it.
const started = performance.now();
try {
  const { templateDir } = parseDatabaseConfig(process.env);
  const file = await prepareTemplate(templateDir ?? defaultTemplateDir, helsinkiDataFolder);
  process.stderr.write(
    `embedded database prepared in ${((performance.now() - started) / 1000).toFixed(1)} s (${file})\n`,
  );
} catch (error) {
  process.stderr.write(
    `the embedded database was not prepared (${error instanceof Error ? error.message : String(error)}): the first start will prepare it\n`,
  );
}

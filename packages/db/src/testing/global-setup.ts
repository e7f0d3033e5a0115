import type { TestProject } from "vitest/node";
import { pgliteTemplate, postgresTemplate } from "./templates.js";

import "./provided-context.js";

/** Builds the migrated templates once per test run; each test file copies one instead of migrating. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide("ankkuriPgliteTemplate", await pgliteTemplate());
  project.provide("ankkuriPostgresTemplate", await postgresTemplate());
}

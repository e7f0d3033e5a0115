import type { TestProject } from "vitest/node";
import { pgliteTemplate, postgresTemplate } from "./templates.js";

declare module "vitest" {
  export interface ProvidedContext {
    ankkuriPgliteTemplate: string;
    ankkuriPostgresTemplate: string | undefined;
  }
}

/** Builds the migrated templates once per test run; each test file copies one instead of migrating. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide("ankkuriPgliteTemplate", await pgliteTemplate());
  project.provide("ankkuriPostgresTemplate", await postgresTemplate());
}

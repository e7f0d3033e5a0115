import { z } from "zod";
import type { Engine } from "../client.js";

// Test configuration is read here once. Tests that need a real PostgreSQL use TEST_DATABASE_URL
// (CI sets it); without it they run on the embedded engine only.
const testEnv = z
  .object({ TEST_DATABASE_URL: z.url().optional() })
  .parse({ TEST_DATABASE_URL: process.env.TEST_DATABASE_URL === "" ? undefined : process.env.TEST_DATABASE_URL });

export const testDatabaseUrl: string | undefined = testEnv.TEST_DATABASE_URL;

/** The engines database tests run on: always PGlite, and PostgreSQL when TEST_DATABASE_URL is set. */
export const testEngines: Engine[] = testDatabaseUrl ? ["pglite", "postgres"] : ["pglite"];

/** The URL of database `name` on the test server. */
export function testDatabaseUrlFor(name: string): string {
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

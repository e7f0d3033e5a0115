import { describe, expect, it } from "vitest";
import { parseReporterEnv } from "./env.js";

describe("parseReporterEnv", () => {
  it("gives defaults that retry a dead worker's job within about a minute", () => {
    const env = parseReporterEnv({ INIT_CWD: "/somewhere" });
    expect(env).toMatchObject({
      concurrency: 2,
      schedule: true,
      stageDelayMs: undefined,
      workingDirectory: "/somewhere",
    });
    expect(env.settings).toMatchObject({
      retryLimit: 5,
      heartbeatSeconds: 10,
      superviseIntervalSeconds: 30,
      retryDelaySeconds: 15,
    });
    expect(env.database.databaseUrl).toBeUndefined();
  });

  it("reads the PostgreSQL URL and the worker settings", () => {
    const env = parseReporterEnv({
      DATABASE_URL: "postgres://u@h/db",
      REPORTER_CONCURRENCY: "4",
      REPORTER_SCHEDULE: "false",
      REPORTER_HEARTBEAT_SECONDS: "20",
    });
    expect(env).toMatchObject({
      concurrency: 4,
      schedule: false,
      database: { databaseUrl: "postgres://u@h/db" },
      settings: { heartbeatSeconds: 20 },
    });
  });

  it("accepts the test-only stage delay only under NODE_ENV=test", () => {
    expect(parseReporterEnv({ NODE_ENV: "test", REPORTER_TEST_STAGE_DELAY_MS: "500" }).stageDelayMs).toBe(500);
    expect(() => parseReporterEnv({ NODE_ENV: "production", REPORTER_TEST_STAGE_DELAY_MS: "500" })).toThrow(
      /NODE_ENV=test/,
    );
    expect(() => parseReporterEnv({ REPORTER_TEST_STAGE_DELAY_MS: "500" })).toThrow(/NODE_ENV=test/);
  });

  it("refuses a heartbeat below pg-boss's minimum and nonsense", () => {
    expect(() => parseReporterEnv({ REPORTER_HEARTBEAT_SECONDS: "5" })).toThrow();
    expect(() => parseReporterEnv({ REPORTER_SCHEDULE: "maybe" })).toThrow();
  });
});

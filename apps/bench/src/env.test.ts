import { describe, expect, it } from "vitest";
import { bareServerEnv, caseFromMemoryEnv, floorServerEnv, loadWorkerEnv } from "./env.js";

describe("the settings of the benchmark's processes", () => {
  it("give the floor server its database, a pool of 10 and port 4100 unless told otherwise", () => {
    expect(floorServerEnv({ DATABASE_URL: "postgres://db/x" })).toEqual({
      DATABASE_URL: "postgres://db/x",
      DATABASE_POOL_SIZE: 10,
      PORT: 4100,
    });
    expect(floorServerEnv({ DATABASE_URL: "postgres://db/x", DATABASE_POOL_SIZE: "4", PORT: "0" })).toMatchObject({
      DATABASE_POOL_SIZE: 4,
      PORT: 0,
    });
  });

  it("refuse what a server cannot run with, naming the setting", () => {
    expect(() => floorServerEnv({})).toThrow(/DATABASE_URL/);
    expect(() => floorServerEnv({ DATABASE_URL: "postgres://db/x", PORT: "70000" })).toThrow(/PORT/);
    expect(() => bareServerEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => caseFromMemoryEnv({ ANSWERS_FILE: "answers.json" })).toThrow(/SCHEMA_FILE/);
  });

  it("take the servers' files and the load worker's token as given", () => {
    expect(bareServerEnv({})).toEqual({ PORT: 0 });
    expect(caseFromMemoryEnv({ ANSWERS_FILE: "a.json", SCHEMA_FILE: "s.graphql", PORT: "4200" })).toEqual({
      ANSWERS_FILE: "a.json",
      SCHEMA_FILE: "s.graphql",
      PORT: 4200,
    });
    expect(loadWorkerEnv({ LOAD_AUTHORIZATION: "Bearer x" })).toEqual({ LOAD_AUTHORIZATION: "Bearer x" });
    expect(loadWorkerEnv({})).toEqual({});
  });
});

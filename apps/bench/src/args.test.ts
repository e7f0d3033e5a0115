import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "./args.js";
import { BenchError } from "./errors.js";

describe("parseBenchArgs", () => {
  it("defaults to the full scale", () => {
    const options = parseBenchArgs([]);
    expect(options).toMatchObject({
      scale: 100_000,
      smallScale: 10_000,
      duration: 10,
      rounds: 5,
      warmup: 3,
      connections: 10,
      reportRepeat: 3,
      docsDir: "docs",
      quick: false,
    });
  });

  it("makes --quick a small, short run and lets flags override it", () => {
    expect(parseBenchArgs(["--quick"])).toMatchObject({
      scale: 2_000,
      smallScale: 200,
      duration: 3,
      rounds: 1,
      warmup: 1,
      reportRepeat: 1,
      quick: true,
    });
    expect(parseBenchArgs(["--", "--quick", "--duration", "5", "--connections", "20"])).toMatchObject({
      scale: 2_000,
      duration: 5,
      connections: 20,
    });
  });

  it("reads grouped numbers and the server from the environment", () => {
    const options = parseBenchArgs(["--scale", "10_000"], { BENCH_DATABASE_URL: "postgres://u@db:5432/x" });
    expect(options).toMatchObject({ scale: 10_000, smallScale: 1_000, serverUrl: "postgres://u@db:5432/x" });
  });

  it("loads the gateway on Node.js 20 too only when asked (--node20)", () => {
    expect(parseBenchArgs([])).toMatchObject({ node20: false });
    expect(parseBenchArgs(["--node20"])).toMatchObject({ node20: true });
  });

  it("writes no documents with --no-docs", () => {
    expect(parseBenchArgs(["--no-docs"])).toMatchObject({ docsDir: null });
    expect(parseBenchArgs(["--docs", "out"])).toMatchObject({ docsDir: "out" });
  });

  it("names the bench databases by a prefix", () => {
    expect(parseBenchArgs([])).toMatchObject({ databasePrefix: "ankkuri_bench" });
    expect(parseBenchArgs(["--database-prefix", "ankkuri_smoke_42"])).toMatchObject({
      databasePrefix: "ankkuri_smoke_42",
    });
  });

  it("returns help for --help", () => {
    expect(parseBenchArgs(["-h"])).toBe("help");
  });

  it.each([
    [["--scale", "0"]],
    [["--scale", "1.5"]],
    [["--duration", "ten"]],
    [["--rounds", "0"]],
    [["--scale", "1000", "--small-scale", "1000"]],
    [["--database-url", "mysql://x"]],
    [["--docs", "d", "--no-docs"]],
    [["--unknown"]],
    [["--database-prefix", "Robert'); drop table cases;--"]],
  ])("refuses %j", (argv) => {
    expect(() => parseBenchArgs(argv)).toThrow(BenchError);
  });
});

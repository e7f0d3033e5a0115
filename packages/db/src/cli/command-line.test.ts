import { z } from "zod";
import { describe, expect, it } from "vitest";
import { optionProblems, readCommandLine, settleOptions, unexpectedArguments } from "./command-line.js";

const options = { "requested-by": "string", "out": "string", "force": "boolean" } as const;

describe("readCommandLine", () => {
  it("reads options and positionals, dropping pnpm's separator", () => {
    expect(readCommandLine(["--", "client", "--requested-by=a", "--out", "x", "--force"], options)).toEqual({
      values: { "requested-by": "a", "out": "x", "force": true },
      positionals: ["client"],
      problems: [],
    });
  });

  it("names an unknown option with the valid ones, a value missing and a flag given one, and keeps none of them", () => {
    expect(readCommandLine(["--bogus=1", "-x", "--force=no", "--out"], options)).toEqual({
      values: {},
      positionals: [],
      problems: [
        "unknown option --bogus: the options are --requested-by, --out, --force",
        "unknown option -x: the options are --requested-by, --out, --force",
        "--force takes no value",
        "--out needs a value",
      ],
    });
    // The next option is not taken for the value.
    expect(readCommandLine(["--requested-by", "--force"], options).problems).toEqual(["--requested-by needs a value"]);
  });
});

describe("optionProblems", () => {
  const schema = z.object({ requestedBy: z.string().min(2), out: z.string(), when: z.iso.date().optional() });
  it("names each problem by its option, a missing one as missing, and none twice", () => {
    const input = { requestedBy: "a", out: undefined, when: "soon" };
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(optionProblems(parsed.error, input)).toEqual([
      expect.stringMatching(/^--requested-by: Too small/),
      "--out is missing",
      expect.stringMatching(/^--when: Invalid/),
    ]);
    expect(optionProblems(parsed.error, input, ["--out needs a value"])).toHaveLength(2);
  });
});

describe("settleOptions", () => {
  const schema = z.object({ out: z.string().min(1), requestedBy: z.string().min(1) });

  it("gives the options when the schema and the earlier checks find nothing", () => {
    expect(settleOptions(schema, { out: "x", requestedBy: "a" }, [])).toEqual({
      ok: true,
      options: { out: "x", requestedBy: "a" },
    });
  });

  it("refuses valid options when an earlier check found a problem", () => {
    expect(settleOptions(schema, { out: "x", requestedBy: "a" }, ["unexpected argument: y"])).toEqual({
      ok: false,
      problems: ["unexpected argument: y"],
    });
  });

  it("names the earlier problems first, then each option zod refused, once", () => {
    const settled = settleOptions(schema, { out: undefined, requestedBy: undefined }, ["--out needs a value"]);
    expect(settled).toEqual({ ok: false, problems: ["--out needs a value", "--requested-by is missing"] });
  });
});

describe("unexpectedArguments", () => {
  it("names extra arguments, in the singular or plural, and nothing when there are none", () => {
    expect(unexpectedArguments([])).toEqual([]);
    expect(unexpectedArguments(["a"])).toEqual(["unexpected argument: a"]);
    expect(unexpectedArguments(["a", "b"])).toEqual(["unexpected arguments: a b"]);
  });
});

import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runTypeScript } from "@ankkuri/processes";
import { describe, expect, it } from "vitest";
import { parseExportArgs } from "./export-args.js";

const client = "0190f5a4-7c2e-7000-8000-0000000c11e1";
const valid = ["--client", client, "--controller", "org-hel-sotepe", "--out", "x", "--requested-by", "liisa.kirjava"];
const problemsOf = (args: string[]) => {
  const parsed = parseExportArgs(args);
  return parsed.ok ? [] : parsed.problems;
};

describe("parseExportArgs", () => {
  it("takes a client export's options, after pnpm's separator too", () => {
    expect(parseExportArgs(["--", "client", ...valid, "--team", "t"])).toEqual({
      ok: true,
      help: false,
      options: { client, controller: "org-hel-sotepe", out: "x", requestedBy: "liisa.kirjava", team: "t" },
    });
  });

  it("names what to export and every problem at once", () => {
    expect(problemsOf(valid)).toEqual(['name what to export: "client"']);
    expect(problemsOf(["clients", ...valid])).toEqual(['unknown export "clients": the exports are client']);
    expect(problemsOf(["client", "--client", "12", "--controler", "org-hpl", "--requested-by"])).toEqual([
      expect.stringMatching(/^unknown option --controler: the options are --client, --controller, --out, --team/),
      "--requested-by needs a value",
      "unexpected argument: org-hpl",
      "--client: Invalid UUID",
      "--controller is missing",
      "--out is missing",
    ]);
  });

  it("answers --help", () => {
    expect(parseExportArgs(["--help"])).toEqual({ ok: true, help: true });
  });
});

describe("pnpm export with bad input", () => {
  it("exits 2 with the problems and the usage, before opening any database or decrypting anything", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "ankkuri-export-cli-"));
    try {
      const dataDir = join(scratch, "data");
      const ran = await runTypeScript(fileURLToPath(new URL("export.ts", import.meta.url)), {
        args: ["--", "client", ...valid, "--controler", "org-hpl"],
        env: { DATA_DIR: dataDir, INIT_CWD: scratch },
        timeoutMs: 120_000,
      });
      expect({ exit: ran.exit, openedDatabase: existsSync(dataDir) }).toEqual({ exit: 2, openedDatabase: false });
      expect(ran.stderr).toMatch(/export: unknown option --controler: the options are --client, --controller/);
      expect(ran.stderr).toContain("usage: pnpm export client");
      expect(ran.stderr).not.toMatch(/\bat .+:\d+:\d+|ERR_PARSE_ARGS/);
      expect(existsSync(join(scratch, "x"))).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});

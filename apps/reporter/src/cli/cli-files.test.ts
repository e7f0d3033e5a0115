import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ReportError } from "@ankkuri/reports";
import { afterEach, describe, expect, it, vi } from "vitest";
import { outputFolder, printReportError, writeOutputFiles } from "./cli-files.js";

const folders: string[] = [];
const folder = () => {
  const made = mkdtempSync(join(tmpdir(), "ankkuri-cli-files-"));
  folders.push(made);
  return made;
};
afterEach(() => {
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

const mode = (file: string) => statSync(file).mode & 0o777;
const text = (s: string) => new TextEncoder().encode(s);

describe("the output files of the commands", () => {
  it("writes a client's files readable by their owner alone, also over a file left readable by all", () => {
    const out = folder();
    writeFileSync(join(out, "client.json"), "old", { mode: 0o644 });
    const written = writeOutputFiles(
      out,
      [
        { name: "client.json", content: text("{}") },
        { name: "client.pdf", content: text("%PDF") },
      ],
      { private: true },
    );
    expect(written.map((w) => w.file)).toEqual([join(out, "client.json"), join(out, "client.pdf")]);
    expect(written.map((w) => mode(w.file))).toEqual([0o600, 0o600]);
    expect(readFileSync(join(out, "client.json"), "utf8")).toBe("{}");
  });

  it("creates the folder and keeps each file's own fields beside its path", () => {
    const out = join(folder(), "reports", "2025");
    const [written] = writeOutputFiles(out, [{ name: "annual.csv.zip", content: text("zip"), sha256: "abc" }], {
      private: false,
    });
    expect(written).toMatchObject({ file: join(out, "annual.csv.zip"), sha256: "abc" });
    expect(readFileSync(join(out, "annual.csv.zip"), "utf8")).toBe("zip");
  });

  it("reads --out relative to the folder the command was run in", () => {
    expect(outputFolder("reports", "/home/user")).toBe("/home/user/reports");
    expect(outputFolder("/srv/out", "/home/user")).toBe("/srv/out");
  });
});

describe("a failure the commands expect", () => {
  it("is printed with its code and its message in Finnish, Swedish and English, and exits with 2", () => {
    const written: string[] = [];
    const write = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const error = new ReportError("REPORT.UNKNOWN_TEAM", {
        fi: "Valitse työryhmä",
        sv: "Välj team",
        en: "Choose the team",
      });
      expect(printReportError(error)).toBe(2);
    } finally {
      write.mockRestore();
    }
    expect(written.join("")).toBe("REPORT.UNKNOWN_TEAM: Valitse työryhmä\nVälj team\nChoose the team\n");
  });
});

import { describe, expect, it } from "vitest";
import { err, ok, type Result, violation } from "./violation.js";

const message = { fi: "Suostumus puuttuu.", sv: "Samtycke saknas.", en: "Consent is missing." };

describe("violation", () => {
  it("is an error unless told otherwise, without a path", () => {
    const v = violation("CASE.CONSENT_MISSING", ["case-1", "org-kuva"], message);
    expect(v).toEqual({ code: "CASE.CONSENT_MISSING", severity: "error", ids: ["case-1", "org-kuva"], message });
    expect("path" in v).toBe(false);
  });

  it("takes a severity", () => {
    expect(violation("FTE.BELOW_TARGET", [], message, { severity: "warning" }).severity).toBe("warning");
    expect(violation("FTE.BELOW_TARGET", [], message, { severity: "error" }).severity).toBe("error");
  });

  it("takes a path into the input", () => {
    const v = violation("INPUT.INVALID", [], message, { path: ["attendees", 0, "name"] });
    expect(v.path).toEqual(["attendees", 0, "name"]);
    expect(v.severity).toBe("error");
  });

  it("keeps an empty path, which points at the whole input", () => {
    expect(violation("INPUT.INVALID", [], message, { path: [] }).path).toEqual([]);
  });
});

describe("ok and err", () => {
  it("wrap a value and an error", () => {
    expect(ok(42)).toEqual({ ok: true, value: 42 });
    expect(err("nope")).toEqual({ ok: false, error: "nope" });
  });

  it("narrow a Result by its ok flag", () => {
    const results: Result<number>[] = [ok(1), err([violation("X.Y", [], message)])];
    const values = results.map((r) => (r.ok ? r.value : r.error.map((v) => v.code).join()));
    expect(values).toEqual([1, "X.Y"]);
  });
});

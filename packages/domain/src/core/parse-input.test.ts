import { describe, expect, it } from "vitest";
import { z } from "zod";
import { inputInvalid, parseInput } from "./parse-input.js";

const meetingInput = z.object({
  title: z.string().min(1),
  heldOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  attendees: z.array(z.object({ name: z.string().min(1) })),
  recorded: z.boolean().default(false),
});

describe("parseInput", () => {
  it("returns the parsed value, defaults applied", () => {
    const result = parseInput(meetingInput, {
      title: "Asiakastapaaminen",
      heldOn: "2024-05-02",
      attendees: [{ name: "Maija" }],
    });
    expect(result).toEqual({
      ok: true,
      value: { title: "Asiakastapaaminen", heldOn: "2024-05-02", attendees: [{ name: "Maija" }], recorded: false },
    });
  });

  it("reports every problem at once, one violation per issue with its path", () => {
    const result = parseInput(meetingInput, {
      title: "",
      heldOn: "2.5.2024",
      attendees: [{ name: "Maija" }, { name: "" }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((v) => v.path)).toEqual([["title"], ["heldOn"], ["attendees", 1, "name"]]);
    for (const v of result.error) {
      expect(v.code).toBe(inputInvalid);
      expect(v.code).toBe("INPUT.INVALID");
      expect(v.severity).toBe("error");
      expect(v.ids).toEqual([]);
    }
  });

  it("names the field in Finnish and English with a dotted path", () => {
    const result = parseInput(meetingInput, { title: "x", heldOn: "2024-05-02", attendees: [{ name: "" }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [only] = result.error;
    expect(result.error).toHaveLength(1);
    expect(only?.message.fi).toMatch(/^Virheellinen arvo kentässä attendees\.0\.name: /);
    expect(only?.message.en).toMatch(/^Invalid value at attendees\.0\.name: /);
  });

  it("says (input) when the whole input is wrong", () => {
    const result = parseInput(meetingInput, "not an object");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toHaveLength(1);
    expect(result.error[0]?.path).toEqual([]);
    expect(result.error[0]?.message.en).toMatch(/^Invalid value at \(input\): /);
    expect(result.error[0]?.message.fi).toMatch(/^Virheellinen arvo kentässä \(input\): /);
  });

  it("carries zod's own message", () => {
    const schema = z.string().refine((s) => s.startsWith("org-"), { message: "Expected an organisation id" });
    const result = parseInput(schema, "team-1");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error[0]?.message.en).toBe("Invalid value at (input): Expected an organisation id");
  });

  it("turns symbol keys in a path into strings", () => {
    const key = Symbol("secret");
    const schema = z.string().superRefine((_value, ctx) => {
      ctx.addIssue({ code: "custom", message: "bad", path: [key, 0] });
    });
    const result = parseInput(schema, "x");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error[0]?.path).toEqual(["Symbol(secret)", 0]);
    expect(result.error[0]?.message.en).toBe("Invalid value at Symbol(secret).0: bad");
  });
});

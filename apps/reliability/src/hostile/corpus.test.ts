import { describe, expect, it } from "vitest";
import { loadContract } from "../contract.js";
import { identityCodes } from "../identity-codes.js";
import { categories, hostileCorpus, textInputCount } from "./corpus.js";
import type { KnownIds } from "./schema-operations.js";

const known = (): KnownIds => ({
  caseId: "01a22db6-71c6-712c-a92b-8bfd327c04a7",
  caseNodeId: "Q2FzZTowMWEyMmRiNg==",
  guardianId: "01a22db6-71c6-712c-a92b-8bfd327c04a8",
  organisationId: "org-hpl-prevention",
  staffId: "staff-1",
  bodyId: "body-1",
  identityCode: identityCodes("2026-11-29"),
});

const fingerprint = (corpus: ReturnType<typeof hostileCorpus>) =>
  corpus.map(
    (r) =>
      `${r.category}|${r.method}|${r.path}|${JSON.stringify(r.headers)}|${JSON.stringify(r.auth)}|${typeof r.body === "string" ? r.body : (r.body?.toString("base64") ?? "")}`,
  );

describe("the hostile corpus", () => {
  const schema = loadContract();

  it("is the same for the same seed, and another for another seed", () => {
    const a = fingerprint(hostileCorpus({ size: 2_000, seed: 7, schema, known: known() }));
    expect(fingerprint(hostileCorpus({ size: 2_000, seed: 7, schema, known: known() }))).toEqual(a);
    expect(fingerprint(hostileCorpus({ size: 2_000, seed: 8, schema, known: known() }))).not.toEqual(a);
  });

  it("has exactly the asked size, every category, and an injection into every text input", () => {
    const corpus = hostileCorpus({ size: 10_000, seed: 1, schema, known: known() });
    expect(corpus).toHaveLength(10_000);
    expect(new Set(corpus.map((r) => r.category))).toEqual(new Set(categories));
    const injected = new Set(corpus.filter((r) => r.category === "injection").map((r) => r.note.split(" ← ")[0]));
    expect(injected.size).toBe(textInputCount(schema, known()));
  });

  it("probes the hardening: cost bombs with first, 2 000-id nodes, random operation names, forged request ids", () => {
    const corpus = hostileCorpus({ size: 2_000, seed: 3, schema, known: known() });
    const notes = corpus.map((r) => r.note);
    for (const probe of [
      /cost bomb: five aliases/,
      /page size in a variable/,
      /nodes with 2 000 ids/,
      /random operation name/,
      /forged request id/,
    ])
      expect(
        notes.some((n) => probe.test(n)),
        String(probe),
      ).toBe(true);
    expect(corpus.filter((r) => r.mustRefuse === true)).toHaveLength(3);
  });
});

import type { ExtractEvent } from "@ankkuri/domain";
import { describe, expect, it } from "vitest";
import { embeddedFonts, overlappingText, pdfStructure, popplerView } from "../testing/pdf-checks.js";
import { drawAccessLogPdf } from "./access-log-pdf.js";
import type { AccessLogExtractDocument } from "./access-log-extract.js";
import { drawClientExportPdf } from "./client-export-pdf.js";
import type { ClientExportDocument } from "./client-export.js";

// The PDFs a client receives are read with a screen reader as often as on paper: tagged like the
// annual report (language, title, headings, tables of TH/TD, nothing untagged), fonts embedded.

const event: ExtractEvent = {
  occurredAt: "2026-11-10T09:15:00.000Z",
  organisationId: "org-hpl-prevention",
  organisation: "Helsingin poliisilaitos",
  controller: "Helsingin poliisilaitos",
  role: "poliisi",
  person: null,
  operation: "read",
  action: "luki asiakkuuden tietoja",
  basis: "casework",
  basisText: "Ankkuri-yhteistyö (sopimus 003 § 4.2, § 9)",
  consentIds: [],
  note: null,
};
const extract = (language: "fi" | "sv" | "en", events = 3): AccessLogExtractDocument => ({
  kind: "access-log-extract",
  team: { id: "team-helsinki", name: "Helsingin Ankkuri" },
  client: { id: "0190f5a4-7c2e-7000-8000-0000000c1e71", givenName: "Eetu", familyName: "Esimerkki" },
  controller: null,
  from: "2026-01-01",
  to: "2026-12-31",
  language,
  generatedAt: "2026-11-22T10:00:00.000Z",
  events: Array.from({ length: events }, () => ({ ...event, consentIds: [] })),
});
const exported: ClientExportDocument = {
  kind: "client-export",
  team: { id: "team-helsinki", name: "Helsingin Ankkuri" },
  controller: { id: "org-hel-sotepe", name: "Sosiaali-, terveys- ja pelastustoimiala" },
  generatedAt: "2026-11-22T10:00:00.000Z",
  client: {
    id: "0190f5a4-7c2e-7000-8000-0000000c1e71",
    givenName: "Eetu",
    familyName: "Esimerkki",
    birthDate: "2010-04-05",
    identityCode: "050410A903X",
  },
  cases: [],
};

const count = (roles: string[], role: string) => roles.filter((r) => r === role).length;

async function expectAccessible(bytes: Buffer, title: string, lang: string) {
  const raw = bytes.toString("latin1");
  expect(raw.startsWith("%PDF-1.7")).toBe(true);
  expect(raw).toContain(`/Lang (${lang})`);
  expect(raw).toMatch(/\/DisplayDocTitle true/);
  const fonts = embeddedFonts(bytes);
  expect(fonts.standard).toBe(0);
  expect(fonts.descriptors).toBeGreaterThan(0);
  expect(fonts.files).toBe(fonts.descriptors);
  const structure = await pdfStructure(bytes);
  expect(structure.marked).toBe(true);
  expect(structure.title).toBe(title);
  expect(structure.untagged).toEqual([]);
  expect(await overlappingText(bytes)).toEqual([]);
  expect(structure.roles).toContain("Document");
  expect(count(structure.roles, "H1")).toBe(1);
  return structure.roles;
}

describe("the client's PDFs", () => {
  it("tags the access-log extract: a title, a heading per event and tables of TH and TD, in the client's language", async () => {
    for (const [language, lang] of [
      ["fi", "fi-FI"],
      ["sv", "sv-FI"],
      ["en", "en"],
    ] as const) {
      const title = { fi: "Ote lokitiedoista", sv: "Utdrag ur loggdata", en: "Access-log extract" }[language];
      const roles = await expectAccessible(
        await drawAccessLogPdf(extract(language)),
        `${title} 2026-01-01–2026-12-31`,
        lang,
      );
      expect(count(roles, "H2")).toBe(1);
      expect(count(roles, "H3")).toBe(3);
      // The facts and one table per event, each row a header cell and a value.
      expect(count(roles, "Table")).toBe(1 + 3);
      expect(count(roles, "TH")).toBe(5 + 3 * 4);
      expect(count(roles, "TD")).toBe(5 + 3 * 4);
    }
  });

  it("keeps a long extract tagged across pages, and an empty one says so in a paragraph", async () => {
    const long = await pdfStructure(await drawAccessLogPdf(extract("fi", 40)));
    expect(long.untagged).toEqual([]);
    expect(count(long.roles, "H3")).toBe(40);
    const empty = await pdfStructure(await drawAccessLogPdf(extract("fi", 0)));
    expect(empty.untagged).toEqual([]);
    expect(count(empty.roles, "P")).toBeGreaterThanOrEqual(2);
  });

  it("tags the export summary: a title, the facts and the cases as tables", async () => {
    const roles = await expectAccessible(
      await drawClientExportPdf(exported),
      "Tietojen kopio / Kopia av uppgifterna / Copy of the data",
      "fi-FI",
    );
    expect(count(roles, "H2")).toBe(1);
    expect(count(roles, "Table")).toBe(2);
    expect(count(roles, "TH")).toBe(5 + 8);
    expect(count(roles, "TD")).toBe(5);
  });

  it("is tagged with every font embedded as a subset, in Poppler's view", async (context) => {
    const views = [await drawAccessLogPdf(extract("sv")), await drawClientExportPdf(exported)].map(popplerView);
    if (views.some((v) => v === null)) context.skip("pdfinfo and pdffonts (poppler-utils) are not installed");
    for (const view of views) {
      expect(view?.tagged).toBe(true);
      for (const line of view?.fonts ?? []) expect(line).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    }
  });
});

import { createRequire } from "node:module";
import { inflateRawSync } from "node:zlib";
import { dirname } from "node:path";
import { generateKeySettings, parseKeyMaterial } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase } from "@ankkuri/db/testing";
import { helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderArtifacts } from "../artifacts.js";
import { computeReport } from "../compute-report.js";
import { fixtureTeamId, loadReportFixture } from "../testing/report-dataset.js";
import { meetingsTableColumns } from "../testing/meetings-table.js";
import { type Cell, publishedReportSchema, type ReportDocument, tableIds } from "../report-document.js";
import { csvFile, finnishNumber, renderCsv } from "./csv.js";
import { crc32 } from "./zip.js";
import { publishReport, renderJson } from "./json.js";
import { embeddedFonts, overlappingText, pdfStructure, pdfText, popplerView } from "../testing/pdf-checks.js";
import { chartLabels, renderPdf } from "./pdf.js";

const standardFontDataUrl = `${dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"))}/standard_fonts/`;

/** The files of a ZIP archive, checked against their CRC-32. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const packed = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extra = archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(start, start + packed);
    const content = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    expect(crc32(content), name).toBe(crc);
    files.set(name, content);
    at += 46 + nameLength + extra;
  }
  return files;
}

/** RFC 4180 lines with `;` between fields (quoted fields may hold separators and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted && ch === '"' && text.charAt(i + 1) === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== ";" && ch !== "\n" && ch !== "\r")) {
      field += ch;
    } else if (ch !== "\r") {
      row.push(field);
      field = "";
      if (ch === "\n") {
        rows.push(row);
        row = [];
      }
    }
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe("the report's formats", () => {
  let database: TestDatabase;
  let annual: ReportDocument;
  let monthly: ReportDocument;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await loadReportFixture(database.db, parseKeyMaterial(generateKeySettings()));
    const base = { teamId: fixtureTeamId, scope: null, requestedBy: "kari.nurmi" };
    annual = await computeReport(database.db, {
      ...base,
      type: "annual",
      period: { from: "2025-05-01", to: "2026-04-30" },
    });
    monthly = await computeReport(database.db, {
      ...base,
      type: "monthly",
      period: { from: "2025-09-01", to: "2025-09-30" },
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("renders a PDF whose text carries the headline figures, the tables and the chart", async () => {
    const pages = await pdfText(await renderPdf(annual));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const [title = "", chart = ""] = pages;
    expect(title).toContain("Ankkuri-toiminnan vuosiarviointi");
    expect(title).toContain("Annual evaluation of Ankkuri work");
    expect(title).toContain("1.5.2025–30.4.2026");
    expect(title).not.toContain("Schema version");
    // The cover names the parties to the agreement.
    for (const party of annual.staffing.parties) expect(title).toContain(party.name.fi);
    // The key figures as published: 9 new and 9 active cases, 12 meetings; closed cases hidden.
    expect(title).toMatch(/Uudet asiakkuudet \/ New cases\s+9\b/);
    expect(title).toMatch(/Aktiiviset asiakkuudet \/ Active cases\s+9\b/);
    expect(title).toMatch(/Päättyneet asiakkuudet \/ Closed cases\s+x\b/);
    expect(title).toMatch(/Pidetyt tapaamiset \/ Meetings held\s+12\b/);
    // The previous year beside the period: its own column, as that year's report publishes it.
    expect(title).toMatch(/1\.5\.2025–30\.4\.2026\s+This period\s+1\.5\.2024–30\.4\.2025\s+Previous year/);
    expect(title).toMatch(/Palveluohjaukset \/ Referrals to services\s+x\s+0\b/);
    expect(chart).toContain("Uudet asiakkuudet kuukausittain");
    expect(chart).toContain("New cases per month");
    const all = pages.join("\n");
    expect(all).toContain("<5");
    for (const heading of [
      "Asiakkuudet tyypeittäin",
      "Osallistuminen organisaatioittain",
      "Palveluohjaukset palveluittain ja tilan mukaan",
      "Henkilötyövuodet: tavoite ja toteuma",
      "Ohjausryhmän puheenjohtajuus",
    ])
      expect(all).toContain(heading);
    expect(all).toContain("Kulttuurin ja vapaa-ajan toimiala");
  });

  it("sets the previous year's columns beside the main tables, with the period they cover", async () => {
    const pages = await pdfText(await renderPdf(annual));
    const all = pages.map((p) => p.replace(/Ankkuri Helsinki · .*?30\.4\.2026\s*/, "")).join(" ");
    const section = (title: string) =>
      all.slice(all.lastIndexOf(title), all.indexOf("1.5.2024–30.4.2025", all.lastIndexOf(title)));
    // Tables without row totals show the previous year's first column, headed by the years.
    expect(section("Asiakkuudet tyypeittäin")).toMatch(/Päättyneet\s+Closed\s+2024\/25\s+Uudet\s/);
    // Tables with row totals show the previous year's row totals, hidden as that year's report hid them.
    const meetings = section("Pidetyt tapaamiset ja kirjaaminen");
    expect(meetings).toMatch(/Yhteensä\s+Total\s+2024\/25\s+Yhteensä\s/);
    const previousTotal = annual.tables.meetings.previous?.totals?.total;
    expect(previousTotal).toBe("x");
    expect(meetings).toMatch(/Yhteensä \/ Total\s+x\s+x\s+12\s+x/);
    expect(all).toContain("1.5.2024–30.4.2025, luvut peitetty kuten sen jakson raportissa");
    // Monthly statistics have no previous year.
    expect((await pdfText(await renderPdf(monthly))).join(" ")).not.toContain("luvut peitetty kuten sen jakson");
  });

  it("numbers every page n/N and heads every page but the cover with the team, the report and the period", async () => {
    const pages = await pdfText(await renderPdf(annual));
    pages.forEach((text, i) => {
      expect(text).toContain(`Sivu ${String(i + 1)}/${String(pages.length)}`);
      if (i > 0) expect(text).toMatch(/Ankkuri Helsinki · Ankkuri-toiminnan vuosiarviointi · 1\.5\.2025–30\.4\.2026/);
    });
  });

  it("keeps every heading with its table's first row and every note with its table's last row", async () => {
    for (const language of ["fi", "sv"] as const)
      for (const report of [annual, monthly]) {
        const pages = await pdfText(await renderPdf(report, language));
        const none = language === "fi" ? "(ei rivejä" : "(inga rader";
        for (const id of tableIds) {
          const table = report.tables[id];
          const title = table.title[language];
          const labels =
            id === "casesOverTime" ? chartLabels(report, language) : table.rows.map((r) => r.label[language]);
          const first = labels[0] ?? none;
          const last = labels.at(-1) ?? none;
          // The chart bears the title of the table of cases over time too: the table is the last.
          const headingPage = pages.findLastIndex((p) => p.includes(title));
          expect(headingPage, title).toBeGreaterThan(0);
          expect(pages[headingPage], `${id}: heading with the first row`).toContain(first);
          if (table.note) {
            const opening = table.note[language].slice(0, 30);
            const notePage = pages.findIndex((p, i) => i >= headingPage && p.includes(opening));
            expect(pages[notePage], `${id}: note with the last row`).toContain(last);
          }
        }
      }
  });

  it("puts the legend under every table with hidden cells, and names rules rather than printing codes", async () => {
    const pages = await pdfText(await renderPdf(annual));
    const all = pages.map((p) => p.replace(/Ankkuri Helsinki · .*?30\.4\.2026\s*/, "")).join(" ");
    const suppressedTables = tableIds.map((id) => annual.tables[id]).filter((t) => t.suppressed.length > 0);
    expect(suppressedTables.length).toBeGreaterThan(2);
    const titles = tableIds.map((id) => annual.tables[id].title.fi);
    for (const table of tableIds.map((id) => annual.tables[id])) {
      const start = all.lastIndexOf(table.title.fi);
      const next = titles
        .map((t) => all.indexOf(t, start + 1))
        .filter((i) => i > start)
        .reduce((a, b) => Math.min(a, b), all.indexOf("Henkilötyövuodet: tavoite ja toteuma"));
      const section = all.slice(start, next);
      // Hidden cells this period, or in the previous year's columns beside them.
      const previousMarks = /"(x|<\d+)"/.test(JSON.stringify(table.previous));
      if (table.suppressed.length > 0 || previousMarks)
        expect(section, table.id).toContain("x = peitetty, jotta pientä lukua");
      else expect(section, table.id).not.toContain("x = peitetty, jotta pientä lukua");
    }
    expect(all).not.toMatch(/\b(CASE|MEETING|CONSENT|STAFFING|AGREEMENT)\.[A-Z_]+/);
    expect(all).not.toContain("docs/domain.md");
    // Each rule with its severity, which the table's note explains.
    expect(all).toContain("Lastensuojeluilmoitus puuttuu (varoitus)");
    expect(all).toContain("Yksikön henkilötyövuodet jäävät tavoitteesta");
    // The chair table's columns all have a heading.
    expect(all).toMatch(/Kausi\s+Term\s+Puheenjohtaja\s+Chair\s+Peruste\s+Basis/);
  });

  it("labels the chart's bars by the months and days of the period", async () => {
    expect(chartLabels(annual).slice(0, 3)).toEqual(["touko 2025", "kesä 2025", "heinä 2025"]);
    // March 2026 starts on a Sunday: the first week is the 1st alone, not the Monday before.
    const march = { ...monthly, period: { from: "2026-03-01", to: "2026-03-31", days: 31 } };
    expect(chartLabels(march)).toEqual(["1.–1.3.", "2.–8.3.", "9.–15.3.", "16.–22.3.", "23.–29.3.", "30.–31.3."]);
    const [, chart = ""] = await pdfText(await renderPdf(annual));
    expect(chart).toMatch(/touko 2025.*kesä 2025/);
    expect(chart).not.toMatch(/\b2025-05\b/);
  });

  it("is a tagged PDF 1.7 with its title, language, page labels and every font embedded", async () => {
    const bytes = await renderPdf(annual);
    const raw = bytes.toString("latin1");
    expect(raw.startsWith("%PDF-1.7")).toBe(true);
    expect(raw).toMatch(/\/Lang \(fi-FI\)/);
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    // No standard (unembedded) font; each font used is a subset with its file.
    expect(raw).not.toMatch(/\/Subtype \/Type1/);
    const fontFiles = raw.match(/\/FontFile2 /g) ?? [];
    const fontDescriptors = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    expect(fontDescriptors.length).toBe(3);
    expect(fontFiles.length).toBe(fontDescriptors.length);

    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl }).promise;
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
    expect(info.Title).toBe("Ankkuri-toiminnan vuosiarviointi 1.5.2025–30.4.2026");
    const labels = await pdf.getPageLabels();
    expect(labels).toEqual(Array.from({ length: pdf.numPages }, (_, i) => String(i + 1)));
    type Node = { role?: string; alt?: string; children?: Node[] };
    const roles: Node[] = [];
    const walk = (node: Node) => {
      roles.push(node);
      for (const child of node.children ?? []) walk(child);
    };
    for (let n = 1; n <= pdf.numPages; n++) walk((await (await pdf.getPage(n)).getStructTree()) as Node);
    const count = (role: string) => roles.filter((r) => r.role === role).length;
    expect(count("H1")).toBe(1);
    // A heading for the key figures, the chart, every table, staffing, the chair, the leadership
    // meeting's decisions, the consultations and the findings.
    expect(count("H2")).toBe(1 + 1 + tableIds.length + 5);
    expect(count("Table")).toBeGreaterThanOrEqual(tableIds.length + 4);
    expect(count("TH")).toBeGreaterThan(50);
    expect(count("TD")).toBeGreaterThan(50);
    const figure = roles.find((r) => r.role === "Figure");
    expect(figure?.alt).toMatch(/^Pylväskaavio: Uudet asiakkuudet kuukausittain\. touko 2025: <5; kesä 2025: <5/);
    // Every word on every page is marked content, a structure element's or an artifact's: text outside
    // both is read by no screen reader in order, or not at all.
    expect((await pdfStructure(bytes)).untagged).toEqual([]);
    // Nothing is drawn over anything else: a long header or label wraps and its row grows.
    expect(await overlappingText(bytes)).toEqual([]);
    await pdf.destroy();
  });

  it("is tagged with every font embedded as a subset, in Poppler's view, in Finnish and Swedish", async (context) => {
    const views = [await renderPdf(annual), await renderPdf(annual, "sv")].map(popplerView);
    if (views.some((v) => v === null)) context.skip("pdfinfo and pdffonts (poppler-utils) are not installed");
    for (const view of views) {
      expect(view?.tagged).toBe(true);
      expect(view?.fonts.length).toBeGreaterThan(0);
      for (const line of view?.fonts ?? []) expect(line).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    }
  });

  it("sets the PDF in Swedish when asked: its headings, names, notes, months and pages, with English subtitles", async () => {
    const bytes = await renderPdf(annual, "sv");
    const pages = await pdfText(bytes);
    const [title = "", chart = ""] = pages;
    expect(title).toContain("Årsutvärdering av Ankkuri-verksamheten");
    expect(title).toContain("Annual evaluation of Ankkuri work");
    expect(title).toContain("1.5.2025–30.4.2026");
    expect(title).toContain(annual.team.name.sv);
    for (const party of annual.staffing.parties) expect(title).toContain(party.name.sv);
    expect(title).toMatch(/Team\s+Ankkuri Helsingfors\s+Parter i avtalet \/ Parties to the agreement/);
    expect(title).toMatch(/Utarbetad \/ Prepared\s+\d{1,2} [a-z]+ \d{4}/);
    expect(title).toMatch(/Nyckeltal\s+Key figures/);
    expect(title).toMatch(/Nya klientskap \/ New cases\s+9\b/);
    expect(title).toMatch(/Aktiva klientskap \/ Active cases\s+9\b/);
    expect(title).toMatch(/Avslutade klientskap \/ Closed cases\s+x\b/);
    expect(title).toMatch(/Hållna möten \/ Meetings held\s+12\b/);
    expect(title).toMatch(/Hänvisningar till tjänster \/ Referrals to services\s+x\s+0\b/);
    expect(title).toContain("Uppnådda mål / Goals met");
    expect(title).toContain("x = dolt så att inget litet tal kan räknas ut ur summorna");
    expect(chart).toContain(annual.chart.title.sv);
    expect(chart).toMatch(/maj 2025.*juni 2025/);
    expect(chartLabels(annual, "sv").slice(10)).toEqual(["mars 2026", "apr. 2026"]);
    const all = pages.join("\n");
    for (const heading of [
      ...tableIds.map((id) => annual.tables[id].title.sv),
      "Årsverken: mål och utfall",
      "Styrgruppens ordförandeskap",
      "Beslut och slutsatser från ledningens gemensamma möte",
      "Konsultationer per part",
      "Regelöverträdelser gällande personal och avtal vid periodens slut",
    ])
      expect(all).toContain(heading);
    expect(all).toContain("Kultur- och fritidssektorn");
    expect(all).toContain("Barnskyddsanmälan saknas (varning)");
    expect(all).toContain("Enhetens årsverken understiger målet");
    expect(all).toMatch(/Mandatperiod\s+Term\s+Ordförande\s+Chair\s+Grund\s+Basis/);
    expect(all).toMatch(/Totalt \/ Total/);
    expect(all).toContain("talen dolda som i den periodens egen rapport");
    pages.forEach((text, i) => {
      expect(text).toContain(`Sida ${String(i + 1)}/${String(pages.length)}`);
      if (i > 0)
        expect(text).toMatch(/Ankkuri Helsingfors · Årsutvärdering av Ankkuri-verksamheten · 1\.5\.2025–30\.4\.2026/);
    });
    // No fixed Finnish words, and no Finnish name where the Swedish differs.
    for (const finnish of [
      "Tunnusluvut",
      "Uudet asiakkuudet",
      "Sopimuksen osapuolet",
      "Laadittu",
      "Yhteensä",
      "peitetty",
      "Henkilötyövuodet",
      "Ohjausryhmän puheenjohtajuus",
      "Sivu ",
      "touko",
      "varoitus",
      ...tableIds.map((id) => annual.tables[id].title.fi),
      ...annual.staffing.parties.map((p) => p.name.fi),
    ])
      expect(all, finnish).not.toContain(finnish);

    // Tagged, its language Swedish, its title in Swedish, every font embedded.
    expect(bytes.toString("latin1")).toMatch(/\/Lang \(sv-FI\)/);
    const structure = await pdfStructure(bytes);
    expect(structure.marked).toBe(true);
    expect(structure.title).toBe("Årsutvärdering av Ankkuri-verksamheten 1.5.2025–30.4.2026");
    expect(structure.roles.filter((r) => r === "H2")).toHaveLength(1 + 1 + tableIds.length + 5);
    expect(structure.untagged).toEqual([]);
    expect(await overlappingText(bytes)).toEqual([]);
    const fonts = embeddedFonts(bytes);
    expect(fonts).toEqual({ descriptors: 3, files: 3, standard: 0 });
    const poppler = popplerView(bytes);
    if (poppler !== null) {
      expect(poppler.tagged).toBe(true);
      for (const line of poppler.fonts) expect(line).toMatch(/\byes\s+yes\s+yes\s+\d+\s+\d+\s*$/);
    }
  });

  it("sets a Swedish party report's party and monthly statistics' note in Swedish", async () => {
    const party = await computeReport(database.db, {
      teamId: fixtureTeamId,
      scope: org.kuva,
      requestedBy: "kari.nurmi",
      type: "party",
      period: { from: "2025-05-01", to: "2026-04-30" },
    });
    const [partyCover = "", second = ""] = await pdfText(await renderPdf(party, "sv"));
    expect(partyCover).toMatch(/Partsrapport: Kultur- och fritidssektorn/);
    expect(partyCover).toMatch(/Part \/ Party\s+Kultur- och fritidssektorn/);
    expect(second).toContain(
      "Ankkuri Helsingfors · Partsrapport: Kultur- och fritidssektorn · Kultur- och fritidssektorn ·",
    );
    expect(`${partyCover}${second}`).not.toContain("Kulttuurin ja vapaa-ajan toimiala");
    const [monthlyCover = ""] = await pdfText(await renderPdf(monthly, "sv"));
    expect(monthlyCover).toContain("Verksamhetsstatistik");
    expect(monthlyCover).toContain("Teamets interna statistik: små tal har inte dolts.");
    expect(monthlyCover).not.toContain("Työryhmän sisäinen tilasto");
  });

  it("prints the monthly statistics' numbers unsuppressed, with a weekly chart", async () => {
    const [title = "", chart = ""] = await pdfText(await renderPdf(monthly));
    expect(title).toContain("Toimintatilasto");
    expect(title).toMatch(/Uudet asiakkuudet \/ New cases\s+2\b/);
    expect(title).toMatch(/Aktiiviset asiakkuudet \/ Active cases\s+5\b/);
    expect(title).toContain("Työryhmän sisäinen tilasto");
    expect(title).not.toContain("Previous year");
    expect(chart).toContain("Uudet asiakkuudet viikoittain");
  });

  it("writes the JSON, valid against its schema, the document with every count published as an object", () => {
    const json = JSON.parse(renderJson(annual).toString("utf8")) as unknown;
    expect(publishedReportSchema.parse(json)).toEqual(publishReport(annual));
    const { headline, tables, previous, ...rest } = publishReport(annual);
    // Everything but the counts as in the document.
    const counts = new Set(["headline", "tables", "previous"]);
    expect(rest).toEqual(Object.fromEntries(Object.entries(annual).filter(([k]) => !counts.has(k))));
    expect(previous?.headline.serviceReferrals).toEqual({ value: 0, suppressed: null });
    expect(headline.newCases).toEqual({ value: 9, suppressed: null });
    expect(tables.meetings.totals?.values.recorded).toEqual({ value: null, suppressed: "complementary" });
    expect(() => renderJson({ ...annual, schemaVersion: "1.0" } as unknown as ReportDocument)).toThrow();
  });

  it("writes one CSV file per table in a ZIP, in the dialect of Finnish spreadsheets", () => {
    const files = unzip(renderCsv(annual));
    expect([...files.keys()]).toEqual([
      "00-report.csv",
      "01-casesByType.csv",
      "02-ageBands.csv",
      "03-referralSources.csv",
      "04-casesOverTime.csv",
      "05-meetings.csv",
      "06-participation.csv",
      "07-serviceReferrals.csv",
      "08-consents.csv",
      "09-goals.csv",
      "10-caseViolations.csv",
      "11-fteUnits.csv",
      "12-fteParties.csv",
      "13-chair.csv",
      "14-leadershipDecisions.csv",
      "15-consultations.csv",
      "16-organisationViolations.csv",
    ]);
    const tables = new Map<string, string[][]>();
    for (const [name, bytes] of files) {
      const text = bytes.toString("utf8");
      expect(text.startsWith("\uFEFF"), name).toBe(true);
      // Every line ends CRLF; no bare LF.
      expect(text.endsWith("\r\n"), name).toBe(true);
      expect(text.replaceAll("\r\n", "")).not.toMatch(/[\r\n]/);
      const rows = parseCsv(text.slice(1));
      // A rectangle: every line as wide as the header.
      for (const row of rows) expect(row.length, name).toBe(rows[0]?.length);
      tables.set(name, rows);
    }
    const meetings = tables.get("05-meetings.csv") ?? [];
    expect(meetings[0]).toEqual(meetingsTableColumns);
    expect(meetings[1]?.slice(0, 10)).toEqual([
      "youth-crime",
      "Nuorten rikollisuus ja häiriökäyttäytyminen",
      "Ungdomsbrottslighet och störande beteende",
      "Youth crime and disruptive behaviour",
      "",
      "x",
      "",
      "<5",
      "9",
      "",
    ]);
    expect(meetings.at(-1)?.slice(0, 10)).toEqual(["total", "Yhteensä", "Totalt", "Total", "", "x", "", "x", "12", ""]);
    // The previous year's counts beside them, as published (a number, or empty with its mark).
    const published = (c: Cell | null | undefined) => (typeof c === "number" ? [String(c), ""] : ["", c ?? ""]);
    const previous = annual.tables.meetings.previous;
    const previousRow = previous?.rows.find((r) => r.key === "youth-crime");
    expect(meetings[1]?.slice(10)).toEqual(
      [previousRow?.values.recorded, previousRow?.values.unrecorded, previousRow?.total].flatMap(published),
    );
    expect(meetings.at(-1)?.slice(10)).toEqual(
      [previous?.totals?.values.recorded, previous?.totals?.values.unrecorded, previous?.totals?.total].flatMap(
        published,
      ),
    );
    expect(meetings.at(-1)?.slice(10).join(";")).toMatch(/x/);
    expect(tables.get("06-participation.csv")?.[0]).toEqual([
      "key",
      "label_fi",
      "label_sv",
      "label_en",
      "partyId",
      "meetings",
      "meetings_suppressed",
      "cases",
      "cases_suppressed",
    ]);
    // Rules by name in the three languages, not only by code.
    const violations = tables.get("16-organisationViolations.csv") ?? [];
    expect(violations[0]).toEqual(["code", "name_fi", "name_sv", "name_en", "area", "severity", "count"]);
    for (const row of violations.slice(1)) {
      const [code = "", fi = "", sv = "", en = ""] = row;
      expect(
        [fi, sv, en].every((name) => name !== "" && name !== code),
        code,
      ).toBe(true);
    }
    expect(annual.organisationViolations.length).toBeGreaterThan(0);
    expect(violations.length).toBe(annual.organisationViolations.length + 1);
    // Decimals with a comma: the FTE figures.
    const units = tables.get("11-fteUnits.csv") ?? [];
    const target = units[0]?.indexOf("target") ?? -1;
    const decimals = units.slice(1).map((r) => r[target] ?? "");
    expect(decimals.some((d) => d.includes(","))).toBe(true);
    expect(decimals.some((d) => d.includes("."))).toBe(false);
    expect(finnishNumber(0.75)).toBe("0,75");
    // Fields holding the separator are quoted.
    expect(csvFile([["a;b", 1.5]]).toString("utf8")).toBe('\uFEFF"a;b";1,5\r\n');
  });

  it("stores each format with its SHA-256 and size", async () => {
    const artifacts = await renderArtifacts(annual);
    expect(artifacts.map((a) => [a.format, a.contentType])).toEqual([
      ["json", "application/json; charset=utf-8"],
      ["csv", "application/zip"],
      ["pdf", "application/pdf"],
      ["xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ]);
    for (const a of artifacts) {
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(a.byteSize).toBe(a.content.byteLength);
    }
    expect(artifacts[2]?.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});

import { createHash, randomUUID } from "node:crypto";
import { and, eq, schema, sql } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReportDownloadDocument, ReportRunsDocument, RequestReportDocument } from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import { admit, as, clock, login, org, refer } from "./steps.js";

// Reports through the gateway with a real worker on the same database: requested once, produced
// once, fetched with their checksums; who may ask for which report.

const agreementYear = { from: "2025-05-01", to: "2026-04-30" };

describe.each(testEngines)("reports over HTTP on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock }, reporter: true });
    const caseId = await refer(h, { referredOn: "2025-09-01" });
    await admit(h, caseId, "2025-09-10");
  });
  afterAll(async () => {
    await h.close();
  });

  async function completed(runId: string, asLogin: string) {
    for (let i = 0; i < 120; i++) {
      const run = (await h.request(asLogin, ReportRunsDocument, {})).data?.reportRuns.find((r) => r.runId === runId);
      if (run?.status === "COMPLETED" || run?.status === "FAILED") return run;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(
      `report ${runId} did not finish in 30 s: ${JSON.stringify((await h.request(asLogin, ReportRunsDocument, {})).data?.reportRuns)}`,
    );
  }

  /** The agreement year's annual report as leadership asks for it (one run however often asked), completed. */
  async function completedAnnual(): Promise<string> {
    const runId = as(
      (await h.request(login.leadership, RequestReportDocument, { type: "ANNUAL", period: agreementYear })).data
        ?.requestReport,
      "ReportRun",
    ).runId;
    await completed(runId, login.leadership);
    return runId;
  }

  it("produces the annual evaluation once, however often it is requested, with checked files", async () => {
    const request = () => h.request(login.leadership, RequestReportDocument, { type: "ANNUAL", period: agreementYear });
    const [first, second] = await Promise.all([request(), request()]);
    const runId = as(first.data?.requestReport, "ReportRun").runId;
    expect(as(second.data?.requestReport, "ReportRun").runId).toBe(runId);

    const run = await completed(runId, login.leadership);
    expect(run).toMatchObject({
      status: "COMPLETED",
      progress: 100,
      periodFrom: agreementYear.from,
      periodTo: agreementYear.to,
      error: null,
    });
    expect(run.artifacts.map((a) => a.format).sort()).toEqual(["CSV", "JSON", "PDF", "XLSX"]);
    const again = await request();
    expect(as(again.data?.requestReport, "ReportRun")).toMatchObject({ runId, status: "COMPLETED" });

    const download = (await h.request(login.leadership, ReportDownloadDocument, { runId })).data?.reportRun;
    expect(download?.artifacts).toHaveLength(4);
    for (const artifact of download?.artifacts ?? []) {
      const bytes = Buffer.from(artifact.contentBase64, "base64");
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(artifact.sha256);
      if (artifact.format === "PDF") expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
      if (artifact.format === "JSON") {
        const document = JSON.parse(bytes.toString("utf8")) as { type: string; period: { from: string; to: string } };
        expect(document).toMatchObject({ type: "annual", period: agreementYear });
      }
    }
    // Exactly one run of that type, period, scope and language exists.
    const runs = (await h.request(login.leadership, ReportRunsDocument, { type: "ANNUAL" })).data?.reportRuns ?? [];
    expect(
      runs.filter((r) => r.periodFrom === agreementYear.from && r.periodTo === agreementYear.to && r.language === "FI"),
    ).toHaveLength(1);
  });

  it("downloads a report's files over HTTP to those who may read the run, audited, and to nobody else", async () => {
    const runId = await completedAnnual();
    const get = async (path: string, asLogin: string | null, init: RequestInit = {}) =>
      h.fetch(path, {
        ...init,
        headers: asLogin === null ? {} : { authorization: `Bearer ${await h.token(asLogin)}` },
      });
    // The attacker's attempts first: no token, a forged token, another team's or a made-up run,
    // people the run is not for, a format that is not one, another verb.
    const unsigned = await get(`/reports/${runId}/pdf`, null);
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get("www-authenticate")).toBe("Bearer");
    const token = await h.token(login.leadership);
    const forged = await h.fetch(`/reports/${runId}/pdf`, {
      headers: { authorization: `Bearer ${token.slice(0, -4)}${token.endsWith("AAAA") ? "BBBB" : "AAAA"}` },
    });
    expect(forged.status).toBe(401);
    const notFound = async (path: string, asLogin: string) => {
      const response = await get(path, asLogin);
      expect({ path, asLogin, status: response.status }).toEqual({ path, asLogin, status: 404 });
      expect(await response.text()).toBe('{"error":"No such report file"}');
    };
    await notFound(`/reports/${randomUUID()}/pdf`, login.leadership);
    await notFound(`/reports/${runId}/docx`, login.leadership);
    await notFound(`/reports/not-a-run/pdf`, login.leadership);
    await notFound(`/reports/${runId}/pdf`, login.auditor);
    const monthly = as(
      (
        await h.request(login.socialWorker, RequestReportDocument, {
          type: "MONTHLY",
          period: { from: "2025-09-01", to: "2025-09-30" },
        })
      ).data?.requestReport,
      "ReportRun",
    );
    await completed(monthly.runId, login.socialWorker);
    await notFound(`/reports/${monthly.runId}/pdf`, login.leadership);
    expect((await get(`/reports/${runId}/pdf`, login.leadership, { method: "POST" })).status).toBe(405);

    const listed = (await h.request(login.leadership, ReportRunsDocument, { type: "ANNUAL" })).data?.reportRuns.find(
      (r) => r.runId === runId,
    );
    const before = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.resource, "report"), eq(schema.auditLog.resourceId, runId)));
    for (const [format, type, name] of [
      ["pdf", "application/pdf", "annual-2025-05-01..2026-04-30.pdf"],
      ["csv", "application/zip", "annual-2025-05-01..2026-04-30.csv.zip"],
      ["json", "application/json; charset=utf-8", "annual-2025-05-01..2026-04-30.json"],
      [
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "annual-2025-05-01..2026-04-30.xlsx",
      ],
    ] as const) {
      const response = await get(`/reports/${runId}/${format}`, login.leadership);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe(type);
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${name}"`);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const bytes = Buffer.from(await response.arrayBuffer());
      const sha256 = listed?.artifacts.find((a) => a.format === format.toUpperCase())?.sha256;
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
    }
    const after = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.resource, "report"), eq(schema.auditLog.resourceId, runId)));
    const downloads = after.slice(before.length);
    expect(
      downloads.map((e) => [e.actorId, e.operation, e.purpose, (e.details as { format?: string }).format]),
    ).toEqual([
      [login.leadership, "read", "reporting", "pdf"],
      [login.leadership, "read", "reporting", "csv"],
      [login.leadership, "read", "reporting", "json"],
      [login.leadership, "read", "reporting", "xlsx"],
    ]);
  });

  it("withholds a download whose access-log entry the database refuses: 503 and no file", async () => {
    const runId = await completedAnnual();
    const download = async () =>
      h.fetch(`/reports/${runId}/pdf`, { headers: { authorization: `Bearer ${await h.token(login.leadership)}` } });
    const logged = async () =>
      (
        await h.database.db
          .select()
          .from(schema.auditLog)
          .where(and(eq(schema.auditLog.resource, "report"), eq(schema.auditLog.resourceId, runId)))
      ).length;
    const before = await logged();
    // A trigger refuses the download's entry, as a full disk or a lost connection would.
    await h.database.db.execute(
      sql.raw(
        `create function refuse_report_read() returns trigger language plpgsql as $$ begin if new.resource = 'report' then raise exception 'refused for the test'; end if; return new; end $$`,
      ),
    );
    await h.database.db.execute(
      sql.raw(
        "create trigger refuse_report_read before insert on audit_log for each row execute function refuse_report_read()",
      ),
    );
    try {
      const refused = await download();
      expect(refused.status).toBe(503);
      expect(refused.headers.get("content-type")).not.toBe("application/pdf");
      const body = await refused.text();
      expect(body).not.toContain("%PDF");
      expect(body).toContain("access log could not be written");
    } finally {
      await h.database.db.execute(sql.raw("drop trigger refuse_report_read on audit_log"));
      await h.database.db.execute(sql.raw("drop function refuse_report_read()"));
    }
    expect(await logged()).toBe(before);
    expect(await h.metrics()).toMatch(/^ankkuri_audit_write_failures_total [1-9]\d*$/m);
    // Once the log takes entries again, the same download is served and logged.
    const served = await download();
    expect(served.status).toBe(200);
    expect(
      Buffer.from(await served.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");
    expect(await logged()).toBe(before + 1);
  });

  it("produces a Swedish report as a run of its own, once, named -sv when downloaded, and refuses English", async () => {
    const request = (language?: "FI" | "SV" | "EN", headers?: Record<string, string>) =>
      h.request(
        login.leadership,
        RequestReportDocument,
        { type: "ANNUAL", period: agreementYear, ...(language ? { language } : {}) },
        headers,
      );
    const finnish = as((await request()).data?.requestReport, "ReportRun");
    expect(finnish.language).toBe("FI");
    const [first, second] = await Promise.all([request("SV"), request("SV")]);
    const swedish = as(first.data?.requestReport, "ReportRun");
    expect(swedish).toMatchObject({ language: "SV" });
    expect(swedish.runId).not.toBe(finnish.runId);
    expect(as(second.data?.requestReport, "ReportRun").runId).toBe(swedish.runId);
    expect(as((await request("FI")).data?.requestReport, "ReportRun").runId).toBe(finnish.runId);

    const run = await completed(swedish.runId, login.leadership);
    expect(run).toMatchObject({ status: "COMPLETED", language: "SV", periodFrom: agreementYear.from });
    const runs = (await h.request(login.leadership, ReportRunsDocument, { type: "ANNUAL" })).data?.reportRuns ?? [];
    const ofPeriod = runs.filter((r) => r.periodFrom === agreementYear.from && r.periodTo === agreementYear.to);
    expect(ofPeriod.map((r) => r.language).sort()).toEqual(["FI", "SV"]);

    const response = await h.fetch(`/reports/${swedish.runId}/pdf`, {
      headers: { authorization: `Bearer ${await h.token(login.leadership)}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="annual-2025-05-01..2026-04-30-sv.pdf"',
    );
    expect(Buffer.from(await response.arrayBuffer()).toString("latin1")).toMatch(/\/Lang \(sv-FI\)/);

    // English is every report's subtitle, not a report of its own: a typed error, in the caller's language.
    const refused = as((await request("EN", { "accept-language": "sv" })).data?.requestReport, "InvalidInputError");
    expect(refused).toMatchObject({ code: "REPORT.LANGUAGE_UNSUPPORTED", path: ["language"] });
    expect(refused.message).toMatch(/^En rapport är på finska eller svenska/);
    const after = (await h.request(login.leadership, ReportRunsDocument, { type: "ANNUAL" })).data?.reportRuns ?? [];
    expect(after).toHaveLength(runs.length);
  });

  it("tells the team's members which languages its scheduled reports come in, as the database has them", async () => {
    const languages = async (who: string) =>
      (await h.gql(who, "{ viewer { team { code reportLanguages } } }")).body.data?.viewer;
    // Helsinki is officially bilingual: the seed gives it both.
    expect(await languages(login.leadership)).toEqual({ team: { code: "helsinki", reportLanguages: ["FI", "SV"] } });
    expect(await languages(login.police)).toEqual({ team: { code: "helsinki", reportLanguages: ["FI", "SV"] } });
    const teamId = helsinkiAnkkuri.team.id;
    const set = (value: ("fi" | "sv")[]) =>
      h.database.db.update(schema.teams).set({ reportLanguages: value }).where(eq(schema.teams.id, teamId));
    await set(["sv"]);
    try {
      expect(await languages(login.police)).toEqual({ team: { code: "helsinki", reportLanguages: ["SV"] } });
    } finally {
      await set(["fi", "sv"]);
    }
  });

  it("reads a report's files from the database only when they are downloaded", async () => {
    const runId = await completedAnnual();
    const readsFiles = () => h.queries.some((q) => /^\s*select/i.test(q) && q.includes('"content"'));
    h.resetQueries();
    const listed = (await h.request(login.leadership, ReportRunsDocument, { type: "ANNUAL" })).data?.reportRuns.find(
      (r) => r.runId === runId,
    );
    expect(listed?.artifacts).toHaveLength(4);
    expect(readsFiles()).toBe(false);
    h.resetQueries();
    const download = (await h.request(login.leadership, ReportDownloadDocument, { runId })).data?.reportRun;
    expect(download?.artifacts.map((a) => a.contentBase64.length > 0)).toEqual([true, true, true, true]);
    expect(readsFiles()).toBe(true);
  });

  it("gives monthly statistics to the team's caseworkers only", async () => {
    const refused = await h.request(login.leadership, RequestReportDocument, {
      type: "MONTHLY",
      period: { from: "2025-09-01", to: "2025-09-30" },
    });
    expect(refused.data?.requestReport ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const run = as(
      (
        await h.request(login.socialWorker, RequestReportDocument, {
          type: "MONTHLY",
          period: { from: "2025-09-01", to: "2025-09-30" },
        })
      ).data?.requestReport,
      "ReportRun",
    );
    expect((await completed(run.runId, login.socialWorker)).status).toBe("COMPLETED");
    // Leadership cannot read the monthly run either.
    const seen = (await h.request(login.leadership, ReportRunsDocument, {})).data?.reportRuns ?? [];
    expect(seen.map((r) => r.runId)).not.toContain(run.runId);
  });

  it("gives a party report only to that party's own people", async () => {
    const own = as(
      (
        await h.request(login.leadership, RequestReportDocument, {
          type: "PARTY",
          period: agreementYear,
          partyId: org.sotepe,
        })
      ).data?.requestReport,
      "ReportRun",
    );
    expect((await completed(own.runId, login.leadership)).scope).toBe(org.sotepe);
    const other = await h.request(login.leadership, RequestReportDocument, {
      type: "PARTY",
      period: agreementYear,
      partyId: org.police,
    });
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const police = (await h.request(login.police, ReportRunsDocument, { type: "PARTY" })).data?.reportRuns ?? [];
    expect(police.map((r) => r.runId)).not.toContain(own.runId);
  });

  it("refuses reports to the auditor and an inverted period with a typed error", async () => {
    const auditor = await h.request(login.auditor, RequestReportDocument, { type: "ANNUAL", period: agreementYear });
    expect(auditor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const inverted = (
      await h.request(login.leadership, RequestReportDocument, {
        type: "ANNUAL",
        period: { from: "2026-04-30", to: "2025-05-01" },
      })
    ).data?.requestReport;
    expect(inverted?.__typename).toMatch(/Error$/);
  });
});

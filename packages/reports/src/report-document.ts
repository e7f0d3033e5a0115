import { localDateSchema } from "@ankkuri/domain";
import { z } from "zod";

/**
 * Version of the published JSON. Bump the major on a breaking change, the minor on an addition.
 * 2.0: a count is an object `{ value, suppressed }`, never a string in a number field.
 * 2.1: the `goals` table and `headline.goalsMet`, `leadershipDecisions` and `consultations`.
 * 2.2: every text in Swedish too (`sv` beside `fi` and `en`); each count table's rows carry the
 * previous year's counts (`previous`) in annual and party reports.
 * 2.3: each staffing or agreement violation carries its rule's name (`organisationViolations[].name`).
 */
export const reportSchemaVersion = "2.3";

/** A text in Finnish, Swedish and English. */
const text = z
  .object({ fi: z.string().min(1), sv: z.string().min(1), en: z.string().min(1) })
  .meta({ id: "Text", description: "A text in Finnish, Swedish and English." });

/** A published count: the number, "<5" (a hidden cell of 1 to 4) or "x" (a cell hidden to protect another, or a hidden total). */
export const cellSchema = z.union([z.number().int().min(0), z.string().regex(/^<\d+$/), z.literal("x")]);
export type Cell = z.output<typeof cellSchema>;

/**
 * A count as the JSON publishes it: the number, or `null` and why it is hidden — `small` (a count
 * from 1 to threshold − 1, printed `<5`) or `complementary` (hidden so that another cannot be worked
 * out, or a hidden total; printed `x`).
 */
export const publishedCellSchema = z
  .union([
    z.object({ value: z.number().int().min(0), suppressed: z.null() }),
    z.object({ value: z.null(), suppressed: z.enum(["small", "complementary"]) }),
  ])
  .meta({ id: "Count", description: "A published count: the number, or null and why it is hidden." });
export type PublishedCell = z.output<typeof publishedCellSchema>;

/** The published form of a count. */
export const publishCell = (c: Cell): PublishedCell =>
  typeof c === "number"
    ? { value: c, suppressed: null }
    : { value: null, suppressed: c === "x" ? "complementary" : "small" };

/** Where totals are published: per row, per column, both (with the grand total) or none. */
export const marginsSchema = z.enum(["none", "rows", "columns", "both"]);

/**
 * A hidden entry: row key (or "total" for the totals row) and column key (or "total"), and why:
 * `primary` a count from 1 to threshold − 1, `secondary` hidden so that another cannot be worked
 * out, `total` a hidden total (shown as "x" whatever its size).
 */
export const suppressedEntrySchema = z.object({
  row: z.string(),
  column: z.string(),
  reason: z.enum(["primary", "secondary", "total"]),
});

/** A table of counts (with `cell` as its counts). Totals are sums of the cells they stand beside. */
const countTableOf = <C extends z.ZodType>(cell: C) =>
  z.object({
    id: z.string(),
    title: text,
    /** What each count counts. */
    unit: z.enum(["cases", "meetings", "referrals", "consents", "goals", "violations"]),
    margins: marginsSchema,
    columns: z.array(z.object({ key: z.string(), label: text })),
    rows: z.array(
      z.object({
        key: z.string(),
        label: text,
        values: z.record(z.string(), cell),
        /** The row's total; null when rows carry no total. */
        total: cell.nullable(),
        /** Extra facts about the row (e.g. the party of an organisation, a violation's severity). */
        attributes: z.record(z.string(), z.string()).optional(),
      }),
    ),
    /** Column totals (and the grand total); null when columns carry no total. */
    totals: z.object({ values: z.record(z.string(), cell), total: cell.nullable() }).nullable(),
    /**
     * The same table for the same period a year earlier (the report's `previous.period`), its counts
     * suppressed as that year's own report publishes them: in annual and party reports, for the
     * tables of {@link previousYearTableIds}; null otherwise.
     */
    previous: z
      .object({
        rows: z.array(z.object({ key: z.string(), values: z.record(z.string(), cell), total: cell.nullable() })),
        totals: z.object({ values: z.record(z.string(), cell), total: cell.nullable() }).nullable(),
      })
      .nullable(),
    suppressed: z.array(suppressedEntrySchema),
    note: text.optional(),
  });
/** A table of counts as the report holds it (hidden counts as their marks, `<5` and `x`). */
export const countTableSchema = countTableOf(cellSchema);
export type CountTable = z.output<typeof countTableSchema>;

const fteUnitSchema = z.object({
  organisationId: z.string(),
  name: text,
  partyId: z.string(),
  profession: z.string(),
  target: z.number(),
  named: z.number().nullable(),
  realised: z.number(),
  difference: z.number(),
  headcount: z.number().int().min(0),
});

const chairTermSchema = z.object({
  from: localDateSchema,
  to: localDateSchema,
  chairId: z.string().nullable(),
  chairName: text.nullable(),
  override: z.boolean(),
});

export const reportTypeSchema = z.enum(["annual", "party", "monthly"]);

/** The tables of every report, in the order they are printed. */
export const tableIds = [
  "casesByType",
  "ageBands",
  "referralSources",
  "casesOverTime",
  "meetings",
  "participation",
  "serviceReferrals",
  "consents",
  "goals",
  "caseViolations",
] as const;
export type TableId = (typeof tableIds)[number];

/**
 * The tables that carry the previous year beside them: those counting what happened in the period
 * over fixed rows. Not the chart's months, the organisations that attended, or the violations open
 * on one day.
 */
export const previousYearTableIds = [
  "casesByType",
  "ageBands",
  "referralSources",
  "meetings",
  "serviceReferrals",
  "consents",
  "goals",
] as const satisfies readonly TableId[];
export type PreviousYearTableId = (typeof previousYearTableIds)[number];
export const hasPreviousYear = (id: TableId): id is PreviousYearTableId =>
  (previousYearTableIds as readonly TableId[]).includes(id);

/** The key figures of a period, as published in the tables. */
const keyFiguresOf = <C extends z.ZodType>(cell: C) =>
  z.object({ newCases: cell, activeCases: cell, closedCases: cell, meetingsHeld: cell, serviceReferrals: cell });
export type KeyFigures = z.output<ReturnType<typeof keyFiguresOf<typeof cellSchema>>>;

const reportOf = <C extends z.ZodType>(cell: C) =>
  z.object({
    schemaVersion: z.literal(reportSchemaVersion),
    type: reportTypeSchema,
    title: text,
    team: z.object({ id: z.string(), code: z.string(), name: text }),
    period: z.object({ from: localDateSchema, to: localDateSchema, days: z.number().int().min(1) }),
    /** The party a party report is limited to. */
    scope: z.object({ partyId: z.string(), name: text, unitIds: z.array(z.string()) }).nullable(),
    generatedAt: z.iso.datetime({ offset: true }),
    definitions: z.object({
      /** Ages are counted on the day of referral. */
      ageReference: z.literal("referral"),
      ageBands: z.array(z.object({ code: z.string(), minAge: z.number().int(), maxAge: z.number().int().nullable() })),
      recordingGraceDays: z.number().int().min(0),
      /** Violations are those open on this day (the period's last day). */
      violationsAsOf: localDateSchema,
    }),
    suppression: z.object({
      applied: z.boolean(),
      threshold: z.number().int().min(3),
      primaryLabel: z.string(),
      secondaryLabel: z.literal("x"),
    }),
    /** The figures the PDF's first page shows, as published in the tables. */
    headline: keyFiguresOf(cell).extend({ goalsMet: cell }),
    /**
     * The same key figures for the same period a year earlier, suppressed as that year's report
     * publishes them; null in monthly statistics.
     */
    previous: z
      .object({
        period: z.object({ from: localDateSchema, to: localDateSchema }),
        headline: keyFiguresOf(cell),
      })
      .nullable(),
    tables: z.object(
      Object.fromEntries(tableIds.map((id) => [id, countTableOf(cell)])) as Record<
        TableId,
        ReturnType<typeof countTableOf<C>>
      >,
    ),
    chart: z.object({ tableId: z.literal("casesOverTime"), unit: z.enum(["month", "week"]), title: text }),
    staffing: z.object({
      units: z.array(fteUnitSchema),
      parties: z.array(
        z.object({ partyId: z.string(), name: text, target: z.number(), realised: z.number(), difference: z.number() }),
      ),
    }),
    chair: z
      .object({
        bodyId: z.string(),
        bodyName: text,
        terms: z.array(chairTermSchema),
        next: chairTermSchema.nullable(),
      })
      .nullable(),
    /**
     * The decisions and conclusions of the joint leadership meeting held in the period (003 § 8), in
     * meeting order: annual evaluations only (empty otherwise).
     */
    leadershipDecisions: z.array(
      z.object({
        heldOn: localDateSchema,
        kind: z.enum(["decision", "conclusion"]),
        text: z.string().min(1),
        ownerId: z.string(),
        ownerName: text,
        dueOn: localDateSchema.nullable(),
      }),
    ),
    /**
     * Consultations Ankkuri experts gave their own organisations in the period (003 § 4.2), per party
     * (the party's own in a party report).
     */
    consultations: z.array(z.object({ partyId: z.string(), name: text, count: z.number().int().min(0) })),
    /** Staffing and agreement rules broken on the period's last day (about staff and documents, not clients). */
    organisationViolations: z.array(
      z.object({
        code: z.string(),
        /** The rule in plain language (schema 2.3). */
        name: text,
        area: z.enum(["staffing", "agreement"]),
        severity: z.enum(["error", "warning"]),
        count: z.number().int().min(1),
      }),
    ),
  });

/**
 * The report (versioned). The JSON, the CSV and the PDF are renderings of this document and carry
 * nothing it does not. Hidden cells are marked; their values are never stored.
 */
export const reportDocumentSchema = reportOf(cellSchema);
export type ReportDocument = z.output<typeof reportDocumentSchema>;

/**
 * The report as the JSON file publishes it (schema version 2.0): the document with every count as
 * a {@link publishedCellSchema} object. Its JSON Schema is committed as docs/reports/report.schema.json.
 */
export const publishedReportSchema = reportOf(publishedCellSchema).meta({
  title: "Ankkuri report",
  description: "An Ankkuri report (annual evaluation, party report or monthly statistics) as published in JSON.",
});
export type PublishedReport = z.output<typeof publishedReportSchema>;

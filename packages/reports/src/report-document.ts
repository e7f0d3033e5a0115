import { localDateSchema } from "@ankkuri/domain";
import { z } from "zod";

/** Version of the canonical JSON. Bump the major on a breaking change, the minor on an addition. */
export const reportSchemaVersion = "1.1";

const text = z.object({ fi: z.string().min(1), en: z.string().min(1) });

/** A published count: the number, "<5" (a hidden cell of 1 to 4) or "x" (a cell hidden to protect another, or a hidden total). */
export const cellSchema = z.union([z.number().int().min(0), z.string().regex(/^<\d+$/), z.literal("x")]);
export type Cell = z.output<typeof cellSchema>;

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

/** A table of counts as published. Totals are sums of the cells they stand beside. */
export const countTableSchema = z.object({
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
      values: z.record(z.string(), cellSchema),
      /** The row's total; null when rows carry no total. */
      total: cellSchema.nullable(),
      /** Extra facts about the row (e.g. the party of an organisation, a violation's severity). */
      attributes: z.record(z.string(), z.string()).optional(),
    }),
  ),
  /** Column totals (and the grand total); null when columns carry no total. */
  totals: z.object({ values: z.record(z.string(), cellSchema), total: cellSchema.nullable() }).nullable(),
  suppressed: z.array(suppressedEntrySchema),
  note: text.optional(),
});
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
 * The canonical report (JSON, versioned). The CSV and the PDF are renderings of this document and
 * carry nothing it does not. Hidden cells are marked; their values are never stored.
 */
export const reportDocumentSchema = z.object({
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
  headline: z.object({
    newCases: cellSchema,
    activeCases: cellSchema,
    closedCases: cellSchema,
    meetingsHeld: cellSchema,
    serviceReferrals: cellSchema,
    goalsMet: cellSchema,
  }),
  tables: z.object(
    Object.fromEntries(tableIds.map((id) => [id, countTableSchema])) as Record<TableId, typeof countTableSchema>,
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
   * meeting order: annual evaluations only (empty otherwise). Since 1.1.
   */
  leadershipDecisions: z
    .array(
      z.object({
        heldOn: localDateSchema,
        kind: z.enum(["decision", "conclusion"]),
        text: z.string().min(1),
        ownerId: z.string(),
        ownerName: text,
        dueOn: localDateSchema.nullable(),
      }),
    )
    .default([]),
  /**
   * Consultations Ankkuri experts gave their own organisations in the period (003 § 4.2), per party
   * (the party's own in a party report). Since 1.1.
   */
  consultations: z.array(z.object({ partyId: z.string(), name: text, count: z.number().int().min(0) })).default([]),
  /** Staffing and agreement rules broken on the period's last day (about staff and documents, not clients). */
  organisationViolations: z.array(
    z.object({
      code: z.string(),
      area: z.enum(["staffing", "agreement"]),
      severity: z.enum(["error", "warning"]),
      count: z.number().int().min(1),
    }),
  ),
});
export type ReportDocument = z.output<typeof reportDocumentSchema>;

import { type Executor, loadTeamDataset } from "@ankkuri/db";
import {
  type AgePolicy,
  type Language,
  addDays,
  type ChairTerm,
  chairOn,
  defaultAgePolicy,
  countedAssignments,
  decisionsOf,
  defaultRecordingGraceDays,
  fteReport,
  indexOrganisations,
  isWithin,
  lengthInDays,
  type Organisation,
  type OrganisationIndex,
  type Period,
  type TeamDataset,
} from "@ankkuri/domain";
import { ReportError } from "./errors.js";
import { ageBandsTable } from "./figures/age-bands.js";
import { caseFlowTable } from "./figures/case-flow.js";
import { casesOverTimeTable } from "./figures/cases-over-time.js";
import { consentsTable } from "./figures/consents.js";
import { meetingsTable } from "./figures/meetings.js";
import { caseRuleContext, countCaseRuleViolations } from "./figures/case-rule-counts.js";
import { caseViolationsTable, organisationViolations } from "./figures/open-violations.js";
import { participationTable } from "./figures/participation.js";
import { referralSourcesTable } from "./figures/referral-sources.js";
import type { FigureScope } from "./figures/scope.js";
import { goalsTable } from "./figures/goals.js";
import { serviceReferralsTable } from "./figures/service-referrals.js";
import { reportTitles, sameText, type Text, textOf } from "./labels.js";
import {
  type Cell,
  type CountTable,
  type KeyFigures,
  hasPreviousYear,
  type PreviousYearTableId,
  previousYearTableIds,
  type ReportDocument,
  reportDocumentSchema,
  reportSchemaVersion,
  type TableId,
} from "./report-document.js";
import { chartBuckets, previousYear as yearBefore } from "./periods.js";
import { parseReportRequest, type ReportRequest } from "./report-request.js";
import { defaultSuppressionThreshold } from "./suppression.js";
import { publishTable, type RawTable, suppressTables, type TableLink } from "./tables.js";

/** What a run is doing, as stored in `report_runs.stage`. */
export type ReportStage =
  | "queued"
  | "loading team"
  | "counting cases"
  | "counting meetings"
  | "counting referrals and consents"
  | "checking rules"
  | "suppressing small cells"
  | "comparing with the previous year"
  | "rendering"
  | "saving"
  | "completed";

export interface ReportProgress {
  percent: number;
  stage: ReportStage;
}

/** Told of every step; awaited, so a listener may write the progress down before the work goes on. */
export type ProgressListener = (progress: ReportProgress) => Promise<void> | void;

export interface ComputeOptions {
  /** When the report is made (default: now). */
  generatedAt?: Date;
  /** Small-cell threshold (default 5). */
  threshold?: number;
  policy?: AgePolicy;
  recordingGraceDays?: number;
}

/** Figures that leave the team are suppressed; monthly operational statistics stay in the team. */
export function isSuppressed(type: ReportRequest["type"]): boolean {
  return type !== "monthly";
}

const name = (index: OrganisationIndex, id: string): Text => {
  const o = index.get(id);
  return o ? textOf(o.name) : sameText(id);
};

/** The party's organisation and all below it, in the organisation tree. */
export function partyUnits(organisations: readonly Organisation[], partyId: string): string[] {
  const index = indexOrganisations(organisations);
  return organisations
    .filter((o) => isWithin(o.id, partyId, index))
    .map((o) => o.id)
    .sort();
}

/** Cases referred in the period are counted in four tables: their totals must be hidden together. */
const newCaseTotals: TableLink = (["casesByType", "ageBands", "referralSources", "casesOverTime"] as const).map(
  (table) => ({ table, row: "total", column: "new" }),
);

/** Resolves the team's dataset and the report's scope, refusing an unknown team or party. */
export async function resolveScope(
  db: Executor,
  request: ReportRequest,
): Promise<{ dataset: TeamDataset; scope: FigureScope }> {
  const dataset = await loadTeamDataset(db, request.teamId);
  if (!dataset)
    throw new ReportError("REPORT.UNKNOWN_TEAM", {
      fi: "Työryhmää ei ole tai sillä ei ole sopimusta.",
      sv: "Teamet finns inte eller har inget avtal.",
      en: "The team does not exist or has no agreement.",
    });
  let units: string[] | null = null;
  if (request.type === "party") {
    const party = request.scope ?? "";
    const parties = new Set(dataset.agreement.versions.flatMap((v) => v.parties.map((p) => p.organisationId)));
    if (!parties.has(party)) {
      // The valid choices by name, so that whoever asked can choose.
      const known = (language: Language) =>
        [...parties]
          .map((id) => dataset.organisations.find((o) => o.id === id)?.name[language] ?? id)
          .sort()
          .join(", ");
      throw new ReportError("REPORT.UNKNOWN_PARTY", {
        fi:
          party === ""
            ? `Osapuoliraportille tarvitaan osapuoli: ${known("fi")}.`
            : `Organisaatio ei ole sopimuksen osapuoli. Osapuolet: ${known("fi")}.`,
        sv:
          party === ""
            ? `En partsrapport kräver en part: ${known("sv")}.`
            : `Organisationen är inte part i avtalet. Parterna: ${known("sv")}.`,
        en:
          party === ""
            ? `A party report needs the party: ${known("en")}.`
            : `The organisation is not a party of the agreement. The parties: ${known("en")}.`,
      });
    }
    units = partyUnits(dataset.organisations, party);
  }
  return { dataset, scope: { teamId: request.teamId, period: request.period, partyUnits: units } };
}

/** Who chairs the Ankkuri steering group during the period, and who chairs the term after. */
function chairSection(dataset: TeamDataset, period: Period, index: OrganisationIndex): ReportDocument["chair"] {
  const body = dataset.bodies.find((b) => b.kind === "ankkuri-steering-group");
  if (body?.chairPolicy.kind !== "rotating") return null;
  const rotation = body.chairPolicy.rotation;
  const show = (t: ChairTerm) => ({
    from: t.from,
    to: t.to,
    chairId: t.chairId,
    chairName: t.chairId === null ? null : name(index, t.chairId),
    override: t.override !== null,
  });
  const terms: ChairTerm[] = [];
  let term =
    period.to < rotation.anchor
      ? null
      : chairOn(rotation, period.from < rotation.anchor ? rotation.anchor : period.from);
  while (term !== null && term.from <= period.to) {
    terms.push(term);
    term = chairOn(rotation, addDays(term.to, 1));
  }
  const next = period.to < rotation.anchor ? chairOn(rotation, rotation.anchor) : term;
  return {
    bodyId: body.id,
    bodyName: textOf(body.name),
    terms: terms.map(show),
    next: next === null ? null : show(next),
  };
}

/** Target vs realised FTE (003 § 5), counted as the domain counts it (`countedAssignments`). */
function staffingSection(
  dataset: TeamDataset,
  scope: FigureScope,
  index: OrganisationIndex,
): ReportDocument["staffing"] {
  const report = fteReport(dataset.agreement, countedAssignments(dataset, scope.period), scope.period);
  const inScope = (partyId: string) => scope.partyUnits === null || scope.partyUnits.includes(partyId);
  return {
    units: report.units
      .filter((u) => inScope(u.partyId))
      .map((u) => ({
        organisationId: u.organisationId,
        name: name(index, u.organisationId),
        partyId: u.partyId,
        profession: u.profession,
        target: u.target,
        named: u.named,
        realised: u.realised,
        difference: u.difference,
        headcount: u.headcount,
      })),
    parties: report.parties.filter((p) => inScope(p.partyId)).map((p) => ({ ...p, name: name(index, p.partyId) })),
  };
}

/** The joint leadership meeting's decisions and conclusions of the period (003 § 8): annual reports only. */
async function leadershipSection(
  db: Executor,
  dataset: TeamDataset,
  type: ReportRequest["type"],
  period: Period,
  index: OrganisationIndex,
): Promise<ReportDocument["leadershipDecisions"]> {
  const body = dataset.bodies.find((b) => b.kind === "joint-leadership-meeting");
  if (type !== "annual" || !body) return [];
  const meetings = await db.query.bodyMeetings.findMany({
    where: { teamId: dataset.team.id, bodyId: body.id, heldOn: { gte: period.from, lte: period.to } },
  });
  return decisionsOf(meetings, body, period).map((d) => ({
    heldOn: d.heldOn,
    kind: d.kind,
    text: d.text,
    ownerId: d.ownerOrganisationId,
    ownerName: name(index, d.ownerOrganisationId),
    dueOn: d.dueOn,
  }));
}

/** Consultations per party in the period (003 § 4.2); a party report counts its own party's only. */
async function consultationsSection(
  db: Executor,
  dataset: TeamDataset,
  scope: FigureScope,
  parties: readonly string[],
  index: OrganisationIndex,
): Promise<ReportDocument["consultations"]> {
  const rows = await db.query.consultations.findMany({
    columns: { partyId: true },
    where: { teamId: dataset.team.id, consultedOn: { gte: scope.period.from, lte: scope.period.to } },
  });
  return parties
    .filter((p) => scope.partyUnits === null || scope.partyUnits.includes(p))
    .map((partyId) => ({
      partyId,
      name: name(index, partyId),
      count: rows.filter((r) => r.partyId === partyId).length,
    }));
}

type HeadlineTables = Pick<ReportDocument["tables"], "casesByType" | "meetings" | "serviceReferrals">;

/** The key figures as the tables publish them. */
function headlineOf(tables: HeadlineTables): KeyFigures {
  const columnTotal = (id: "casesByType", column: string): Cell => tables[id].totals?.values[column] ?? 0;
  return {
    newCases: columnTotal("casesByType", "new"),
    activeCases: columnTotal("casesByType", "active"),
    closedCases: columnTotal("casesByType", "closed"),
    meetingsHeld: tables.meetings.totals?.total ?? 0,
    serviceReferrals: tables.serviceReferrals.totals?.total ?? 0,
  };
}

type PreviousTables = Record<PreviousYearTableId, NonNullable<CountTable["previous"]>>;

/**
 * The tables of the same period a year earlier and their key figures, counted and suppressed as that
 * year's own report would publish them: the tables and those linked to them (the chart's new cases)
 * are computed and suppressed together, as in the report itself. Tables are suppressed one by one
 * apart from their links, so the others need not be computed.
 */
async function previousYear(
  db: Executor,
  scope: FigureScope,
  options: { suppress: boolean; threshold: number; policy: AgePolicy; graceDays: number },
): Promise<{ previous: NonNullable<ReportDocument["previous"]>; tables: PreviousTables }> {
  const raw: RawTable[] = [
    await caseFlowTable(db, scope),
    await ageBandsTable(db, scope, options.policy),
    await referralSourcesTable(db, scope),
    await casesOverTimeTable(db, scope),
    await meetingsTable(db, scope, options.graceDays),
    await serviceReferralsTable(db, scope),
    await consentsTable(db, scope),
    await goalsTable(db, scope),
  ];
  const hidden = options.suppress ? suppressTables(raw, [newCaseTotals], options.threshold) : null;
  const byId = new Map(raw.map((t) => [t.id, publishTable(t, hidden?.get(t.id) ?? null, options.threshold)]));
  const table = (id: TableId) => {
    const found = byId.get(id);
    if (!found) throw new Error(`previous year: table ${id} missing`);
    return found;
  };
  const counts = (id: PreviousYearTableId) => {
    const t = table(id);
    return { rows: t.rows.map((r) => ({ key: r.key, values: r.values, total: r.total })), totals: t.totals };
  };
  return {
    previous: {
      period: { from: scope.period.from, to: scope.period.to },
      headline: headlineOf({
        casesByType: table("casesByType"),
        meetings: table("meetings"),
        serviceReferrals: table("serviceReferrals"),
      }),
    },
    tables: Object.fromEntries(previousYearTableIds.map((id) => [id, counts(id)])) as PreviousTables,
  };
}

/**
 * Computes one report as its canonical document. Every figure that grows with the number of cases or
 * meetings is an aggregate in SQL returning a few rows, the case rule check included.
 * Annual and party reports are suppressed (they leave the team); monthly statistics are not.
 */
export async function computeReport(
  db: Executor,
  request: ReportRequest,
  onProgress: ProgressListener = () => undefined,
  options: ComputeOptions = {},
): Promise<ReportDocument> {
  const valid = parseReportRequest(request);
  const threshold = options.threshold ?? defaultSuppressionThreshold;
  const policy = options.policy ?? defaultAgePolicy;
  const graceDays = options.recordingGraceDays ?? defaultRecordingGraceDays;
  await onProgress({ percent: 5, stage: "loading team" });
  const { dataset, scope } = await resolveScope(db, valid);
  const index = indexOrganisations(dataset.organisations);
  const parties = [...new Set(dataset.agreement.versions.flatMap((v) => v.parties.map((p) => p.organisationId)))];
  const partyOf = (id: string) => parties.find((p) => isWithin(id, p, index)) ?? null;

  await onProgress({ percent: 15, stage: "counting cases" });
  const raw: RawTable[] = [
    await caseFlowTable(db, scope),
    await ageBandsTable(db, scope, policy),
    await referralSourcesTable(db, scope),
    await casesOverTimeTable(db, scope),
  ];
  await onProgress({ percent: 30, stage: "counting meetings" });
  raw.push(await meetingsTable(db, scope, graceDays), await participationTable(db, scope, index, partyOf));
  await onProgress({ percent: 40, stage: "counting referrals and consents" });
  raw.push(await serviceReferralsTable(db, scope), await consentsTable(db, scope), await goalsTable(db, scope));
  await onProgress({ percent: 50, stage: "checking rules" });
  const counts = await countCaseRuleViolations(
    db,
    scope,
    caseRuleContext(dataset, scope.period.to, { policy, recordingGraceDays: graceDays }),
  );
  raw.push(caseViolationsTable(counts));

  await onProgress({ percent: 82, stage: "suppressing small cells" });
  const suppress = isSuppressed(valid.type);
  const hidden = suppress ? suppressTables(raw, [newCaseTotals], threshold) : null;
  await onProgress({ percent: 88, stage: "comparing with the previous year" });
  const earlier =
    valid.type === "monthly"
      ? null
      : await previousYear(
          db,
          { ...scope, period: yearBefore(valid.period) },
          { suppress, threshold, policy, graceDays },
        );
  const tables = Object.fromEntries(
    raw.map((t) => {
      const published = publishTable(t, hidden?.get(t.id) ?? null, threshold);
      return [t.id, earlier && hasPreviousYear(t.id) ? { ...published, previous: earlier.tables[t.id] } : published];
    }),
  ) as ReportDocument["tables"];
  const headline = { ...headlineOf(tables), goalsMet: tables.goals.totals?.values.met ?? 0 };
  const previous = earlier?.previous ?? null;

  const scopeName = valid.scope === null ? null : name(index, valid.scope);
  const document: ReportDocument = {
    schemaVersion: reportSchemaVersion,
    type: valid.type,
    title:
      scopeName === null
        ? reportTitles[valid.type]
        : {
            fi: `${reportTitles.party.fi}: ${scopeName.fi}`,
            sv: `${reportTitles.party.sv}: ${scopeName.sv}`,
            en: `${reportTitles.party.en}: ${scopeName.en}`,
          },
    team: {
      id: dataset.team.id,
      code: dataset.team.code,
      name: textOf(dataset.team.name),
    },
    period: { from: valid.period.from, to: valid.period.to, days: lengthInDays(valid.period) },
    scope:
      valid.scope === null || scopeName === null
        ? null
        : { partyId: valid.scope, name: scopeName, unitIds: [...(scope.partyUnits ?? [])] },
    generatedAt: (options.generatedAt ?? new Date()).toISOString(),
    definitions: {
      ageReference: "referral",
      ageBands: policy.bands.map((b) => ({ code: b.code, minAge: b.minAge, maxAge: b.maxAge })),
      recordingGraceDays: graceDays,
      violationsAsOf: valid.period.to,
    },
    suppression: { applied: suppress, threshold, primaryLabel: `<${String(threshold)}`, secondaryLabel: "x" },
    headline,
    previous,
    tables,
    chart: { tableId: "casesOverTime", unit: chartBuckets(valid.period).unit, title: tables.casesOverTime.title },
    staffing: staffingSection(dataset, scope, index),
    chair: chairSection(dataset, valid.period, index),
    leadershipDecisions: await leadershipSection(db, dataset, valid.type, valid.period, index),
    consultations: await consultationsSection(db, dataset, scope, parties, index),
    organisationViolations: organisationViolations(dataset, scope),
  };
  return reportDocumentSchema.parse(document);
}

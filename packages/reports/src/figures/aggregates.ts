import { type Executor, queryRows, type SQL } from "@ankkuri/db";
import { ageBandsQuery } from "./age-bands.js";
import { caseFlowQuery } from "./case-flow.js";
import { type CaseRuleContext, caseRuleCountsQuery } from "./case-rule-counts.js";
import { casesOverTimeQuery } from "./cases-over-time.js";
import { consentsQuery } from "./consents.js";
import { goalsQuery } from "./goals.js";
import { meetingsQuery } from "./meetings.js";
import { participationQuery } from "./participation.js";
import { referralSourcesQuery } from "./referral-sources.js";
import type { FigureScope } from "./scope.js";
import { serviceReferralsQuery } from "./service-referrals.js";

/**
 * The bare aggregate SQL of a report, figure by figure and the case rule counts: what a benchmark
 * times against the whole report (which adds loading the team, suppression and the document).
 */
export function reportAggregates(scope: FigureScope, rules: CaseRuleContext): { name: string; query: SQL }[] {
  return [
    { name: "casesByType", query: caseFlowQuery(scope) },
    { name: "ageBands", query: ageBandsQuery(scope) },
    { name: "referralSources", query: referralSourcesQuery(scope) },
    { name: "casesOverTime", query: casesOverTimeQuery(scope) },
    { name: "meetings", query: meetingsQuery(scope) },
    { name: "participation", query: participationQuery(scope) },
    { name: "serviceReferrals", query: serviceReferralsQuery(scope) },
    { name: "consents", query: consentsQuery(scope) },
    { name: "goals", query: goalsQuery(scope) },
    { name: "caseRules", query: caseRuleCountsQuery(scope, rules) },
  ];
}

/** Runs every bare aggregate once; returns the rows each returned (a handful per figure). */
export async function runAggregates(
  db: Executor,
  scope: FigureScope,
  rules: CaseRuleContext,
): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const { name, query } of reportAggregates(scope, rules)) rows[name] = (await queryRows(db, query)).length;
  return rows;
}

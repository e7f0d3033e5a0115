import { type Executor, queryRows, type SQL, sql } from "@ankkuri/db";
import { type ReferralStatus, referralStatuses, type ServiceKind, serviceKinds } from "@ankkuri/domain";
import { referralStatusLabels, serviceLabels, tableTitles } from "../labels.js";
import type { RawTable } from "../tables.js";
import { caseInScope, type FigureScope } from "./scope.js";

/** Referrals to services made in the period, by service and by their status when the report is made. */
export function serviceReferralsQuery(scope: FigureScope): SQL {
  const { from, to } = scope.period;
  return sql`select r.service, r.status, count(*)::int as n
    from referrals r join cases c on c.team_id = r.team_id and c.id = r.case_id
    where r.team_id = ${scope.teamId} and r.made_on between ${from} and ${to} and ${caseInScope(scope)}
    group by r.service, r.status`;
}

export async function serviceReferralsTable(db: Executor, scope: FigureScope): Promise<RawTable> {
  const rows = await queryRows<{ service: ServiceKind; status: ReferralStatus; n: number }>(
    db,
    serviceReferralsQuery(scope),
  );
  const count = (service: ServiceKind, status: ReferralStatus) =>
    rows.find((r) => r.service === service && r.status === status)?.n ?? 0;
  return {
    id: "serviceReferrals",
    title: tableTitles.serviceReferrals,
    unit: "referrals",
    margins: "both",
    columns: referralStatuses.map((s) => ({ key: s, label: referralStatusLabels[s] })),
    rows: serviceKinds.map((service) => ({
      key: service,
      label: serviceLabels[service],
      values: referralStatuses.map((status) => count(service, status)),
    })),
    note: {
      fi: "Jaksolla tehdyt palveluohjaukset; tila raportin laatimishetkellä.",
      sv: "Hänvisningar som gjorts under perioden; status när rapporten gjordes.",
      en: "Referrals made in the period; status when the report was made.",
    },
  };
}

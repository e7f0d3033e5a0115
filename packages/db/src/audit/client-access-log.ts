import type { LocalDate } from "@ankkuri/domain";
import { and, asc, eq, gte, inArray, lt, or } from "drizzle-orm";
import type { Executor } from "../client.js";
import { auditLog } from "../schema/audit.js";
import { cases } from "../schema/cases.js";
import type { AuditRow } from "./audit-chain.js";

const helsinki = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The instant a Helsinki calendar day begins (UTC+2 in winter, UTC+3 in summer). */
export function helsinkiDayStart(day: LocalDate): Date {
  for (const offset of [2, 3]) {
    const candidate = new Date(`${day}T00:00:00Z`);
    candidate.setUTCHours(-offset);
    if (helsinki.format(candidate) === `${day} 00:00`) return candidate;
  }
  throw new Error(`no Helsinki midnight on ${day}`);
}

/**
 * Every access-log entry about one client in the team over the Helsinki days `from`–`to`
 * (inclusive), oldest first: entries that name the client, and entries that name only one of the
 * client's cases (a note read inside a case). Another team's entries never match.
 */
export async function clientAccessLog(
  db: Executor,
  teamId: string,
  clientId: string,
  from: LocalDate,
  to: LocalDate,
): Promise<AuditRow[]> {
  const end = helsinkiDayStart(to);
  end.setUTCDate(end.getUTCDate() + 1);
  const clientCases = db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.teamId, teamId), eq(cases.clientId, clientId)));
  return await db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.teamId, teamId),
        or(eq(auditLog.clientId, clientId), inArray(auditLog.caseId, clientCases)),
        gte(auditLog.occurredAt, helsinkiDayStart(from)),
        lt(auditLog.occurredAt, end),
      ),
    )
    .orderBy(asc(auditLog.occurredAt), asc(auditLog.seq));
}

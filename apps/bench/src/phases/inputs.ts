import { helsinkiAnkkuri, helsinkiDayOf, resolveActor } from "@ankkuri/domain";
import { lastCompletedAgreementYear } from "@ankkuri/reports";
import postgres from "postgres";
import { BenchError } from "../errors.js";
import type { OperationInputs } from "../operations.js";

const caseworkerLogin = "laura.heikkinen"; // police officer: the police case list
const leadershipLogin = "mikko.rantanen"; // party leadership: the dashboards

/** Today in Helsinki, as the gateway reads it (the domain's `helsinkiDayOf`). */
export function helsinkiToday(): string {
  return helsinkiDayOf(new Date());
}

/** A seeded person as the gateway resolves them today: their team and the organisation they act for. */
function user(login: string) {
  const found = resolveActor(helsinkiAnkkuri, login, helsinkiToday());
  if (!found.ok) throw new BenchError("check", `seed user ${login} has no access today (${found.error})`);
  return { login, organisationId: found.value.organisationId, teamId: found.value.teamId };
}

/**
 * What the operations ask, from the bench database: up to 100 cases the caseworker may see that
 * have meetings (in a fixed pseudo-random order), the last completed agreement year, and the
 * team's steering group.
 */
export async function pickInputs(databaseUrl: string): Promise<OperationInputs> {
  const caseworker = user(caseworkerLogin);
  const leadership = user(leadershipLogin);
  const teamId = caseworker.teamId;
  const today = helsinkiToday();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    const cases = await sql<{ id: string }[]>`
      select c.id from cases c
      where c.team_id = ${teamId}
        and exists (select 1 from case_memberships o where o.team_id = c.team_id and o.case_id = c.id and o.organisation_id = ${caseworker.organisationId}
          and o.valid_from <= ${today} and (o.valid_to is null or o.valid_to >= ${today}))
        and exists (select 1 from meetings m where m.team_id = c.team_id and m.case_id = c.id)
      order by md5(c.id::text) limit 100`;
    const [agreement] = await sql<
      { startsOn: string }[]
    >`select starts_on::text as "startsOn" from agreements where team_id = ${teamId}`;
    const [body] = await sql<
      { id: string }[]
    >`select id from cooperation_bodies where team_id = ${teamId} and chair_policy = 'rotating' order by kind = 'ankkuri-steering-group' desc, id limit 1`;
    if (cases.length === 0 || !agreement || !body)
      throw new BenchError("check", "the bench database has no visible cases, agreement or rotating body");
    const period = lastCompletedAgreementYear(agreement.startsOn, today);
    if (!period) throw new BenchError("check", "no agreement year has ended yet");
    return {
      teamId,
      caseworker: { login: caseworker.login, organisationId: caseworker.organisationId },
      leadership: { login: leadership.login, organisationId: leadership.organisationId },
      caseIds: cases.map((c) => c.id),
      period,
      bodyId: body.id,
      from: today,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

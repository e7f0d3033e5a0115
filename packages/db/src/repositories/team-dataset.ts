import { type TeamDataset, teamDatasetSchema } from "@ankkuri/domain";
import { eq, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { teams, users } from "../schema/teams.js";

/**
 * What {@link loadTeamDataset} reads below the team row, as the relational query's `with` tree (the
 * organisations are read beside it). Every table it reaches bumps the dataset version on a write
 * (team-dataset.test.ts checks the triggers against this tree).
 */
export const teamDatasetWith = {
  agreement: {
    with: {
      versions: {
        with: {
          parties: { orderBy: { position: "asc" } },
          teamUnits: { orderBy: { position: "asc" } },
          fteTargets: { orderBy: { position: "asc" } },
        },
        orderBy: { number: "asc" },
      },
      signatures: true,
      joiningDecisions: { with: { approvals: true } },
      notices: true,
    },
  },
  staff: { with: { assignments: true, clearances: true, premisesAccess: true } },
  users: true,
  roleAssignments: true,
  premises: { orderBy: { id: "asc" } },
  bodies: {
    with: {
      seats: { orderBy: { position: "asc" } },
      rotationOrder: { orderBy: { position: "asc" } },
      rotationEvents: { orderBy: { sequence: "asc" } },
    },
  },
} as const;

/**
 * A team's dataset (team, organisations, agreement with versions, staff, assignments, clearances,
 * bodies) as the domain library models it, read in one relational query plus the organisations.
 * Null when the team does not exist.
 */
export async function loadTeamDataset(db: Executor, teamId: string): Promise<TeamDataset | null> {
  const team = await db.query.teams.findFirst({
    where: { id: teamId },
    with: teamDatasetWith,
  });
  if (!team?.agreement) return null;
  const organisations = await db.query.organisations.findMany();
  const { agreement } = team;
  return teamDatasetSchema.parse({
    team: {
      id: team.id,
      code: team.code,
      name: { fi: team.nameFi, sv: team.nameSv, en: team.nameEn },
      policeDepartmentId: team.policeDepartmentId,
      agreementId: agreement.id,
      reportLanguages: team.reportLanguages,
    },
    organisations: organisations.map((o) => ({
      id: o.id,
      kind: o.kind,
      parentId: o.parentId,
      name: { fi: o.nameFi, sv: o.nameSv, en: o.nameEn },
      shortName: o.shortName,
      businessId: o.businessId,
      sector: o.sector,
      address: o.address,
    })),
    agreement: {
      id: agreement.id,
      teamId,
      oid: agreement.oid,
      title: agreement.title,
      description: agreement.description,
      startsOn: agreement.startsOn,
      versions: agreement.versions.map((v) => ({
        number: v.number,
        effectiveFrom: v.effectiveFrom,
        decidedOn: v.decidedOn,
        summary: v.summary,
        noticePeriodMonths: v.noticePeriodMonths,
        parties: v.parties.map((p) => ({
          organisationId: p.organisationId,
          role: p.role,
          contact: { name: p.contactName, title: p.contactTitle, email: p.contactEmail, phone: p.contactPhone },
        })),
        teamUnits: v.teamUnits.map((u) => ({
          organisationId: u.organisationId,
          partyId: u.partyId,
          professions: u.professions,
        })),
        fteTargets: v.fteTargets.map((f) => ({
          organisationId: f.organisationId,
          profession: f.profession,
          fte: f.fte,
          namedFte: f.namedFte,
          supervisors: f.supervisors,
        })),
        joiningApproverIds: v.parties.filter((p) => p.joiningApprover).map((p) => p.organisationId),
        essentialPartyIds: v.parties.filter((p) => p.essential).map((p) => p.organisationId),
      })),
      signatures: agreement.signatures.map((s) => ({
        id: s.id,
        versionNumber: s.versionNumber,
        signerName: s.signerName,
        signerTitle: s.signerTitle,
        organisationId: s.organisationId,
        method: s.method,
        signedAt: new Date(s.signedAt).toISOString(),
      })),
      joiningDecisions: agreement.joiningDecisions.map((d) => ({
        id: d.id,
        organisationId: d.organisationId,
        effectiveFrom: d.effectiveFrom,
        description: d.description,
        approvals: d.approvals.map((a) => ({
          organisationId: a.organisationId,
          approvedOn: a.approvedOn,
          reference: a.reference,
        })),
      })),
      notices: agreement.notices.map((n) => ({
        id: n.id,
        partyId: n.partyId,
        givenOn: n.givenOn,
        reference: n.reference,
      })),
    },
    staff: team.staff.map((s) => ({
      id: s.id,
      teamId,
      organisationId: s.organisationId,
      profession: s.profession,
      givenName: s.givenName,
      familyName: s.familyName,
      title: s.title,
      login: s.login,
      policeMailAccount: s.policeMailAccount,
    })),
    assignments: team.staff.flatMap((s) =>
      s.assignments.map((a) => ({
        id: a.id,
        teamId,
        staffId: a.staffId,
        organisationId: a.organisationId,
        fraction: a.fraction,
        interval: { from: a.validFrom, to: a.validTo },
        role: a.role,
        needsPremisesAccess: a.needsPremisesAccess,
      })),
    ),
    clearances: team.staff.flatMap((s) =>
      s.clearances.map((c) => ({
        id: c.id,
        staffId: c.staffId,
        scope: c.scope,
        requestedById: c.requestedById,
        requestedOn: c.requestedOn,
        grantedOn: c.grantedOn,
        deniedOn: c.deniedOn,
        validUntil: c.validUntil,
        revokedOn: c.revokedOn,
      })),
    ),
    premisesAccess: team.staff.flatMap((s) =>
      s.premisesAccess.map((p) => ({
        id: p.id,
        staffId: p.staffId,
        interval: { from: p.validFrom, to: p.validTo },
        areas: p.areas,
      })),
    ),
    bodies: team.bodies.map((b) => ({
      id: b.id,
      teamId,
      kind: b.kind,
      tier: b.tier,
      name: { fi: b.nameFi, sv: b.nameSv, en: b.nameEn },
      parentBodyId: b.parentBodyId,
      region: b.region,
      seats: b.seats.map((s) => ({
        id: s.id,
        organisationId: s.organisationId,
        roleTitle: { fi: s.roleTitleFi, sv: s.roleTitleSv, en: s.roleTitleEn },
        attendance: s.attendance,
        secretary: s.secretary,
      })),
      chairPolicy:
        b.chairPolicy === "rotating"
          ? {
              kind: "rotating",
              rotation: {
                anchor: b.rotationAnchor,
                termMonths: b.rotationTermMonths,
                order: b.rotationOrder.map((o) => o.partyId),
                events: b.rotationEvents.map((e) =>
                  e.kind === "override"
                    ? {
                        kind: "override",
                        termStart: e.on,
                        partyId: e.partyId,
                        decidedOn: e.decidedOn,
                        reference: e.reference,
                      }
                    : { kind: e.kind, partyId: e.partyId, on: e.on },
                ),
              },
            }
          : b.chairPolicy === "fixed"
            ? { kind: "fixed", organisationId: b.chairOrganisationId }
            : { kind: "unspecified" },
      tasks: b.tasks,
      legalBasis: b.legalBasis,
      ageScope: b.ageMin === null || b.ageMax === null ? null : { min: b.ageMin, max: b.ageMax, note: b.ageNote },
      annualClock: b.annualClock,
    })),
    users: team.users.map((u) => ({
      teamId,
      login: u.login,
      displayName: u.displayName,
      staffId: u.staffId,
      closedOn: u.closedOn,
    })),
    roleAssignments: team.roleAssignments.map((r) => ({
      id: r.id,
      teamId,
      login: r.login,
      role: r.role,
      organisationId: r.organisationId,
      interval: { from: r.validFrom, to: r.validTo },
    })),
    premises: team.premises.map((p) => ({
      id: p.id,
      teamId,
      name: { fi: p.nameFi, sv: p.nameSv, en: p.nameEn },
      address: p.address,
      organisationId: p.organisationId,
    })),
  });
}

/**
 * The team's dataset version (bumped by triggers on every change to the dataset's tables): equal
 * versions mean an identical {@link loadTeamDataset} result. Null when the team does not exist.
 */
export async function teamDatasetVersion(db: Executor, teamId: string): Promise<number | null> {
  const [row] = await versionQuery(db).execute({ teamId });
  return row?.version ?? null;
}

/**
 * The teams a login has an account in, each with its dataset version: one indexed read that tells a
 * request both where its person belongs and whether the cached dataset is still current.
 */
export async function teamsOfLogin(db: Executor, login: string): Promise<{ teamId: string; version: number }[]> {
  return loginQuery(db).execute({ login });
}

// Read on every request: the SQL of these two is built once per database handle.
const versionQueries = new WeakMap<Executor, ReturnType<typeof buildVersionQuery>>();
const loginQueries = new WeakMap<Executor, ReturnType<typeof buildLoginQuery>>();

function buildLoginQuery(db: Executor) {
  return db
    .select({ teamId: users.teamId, version: teams.datasetVersion })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.login, sql.placeholder("login")))
    .orderBy(users.teamId)
    .prepare("teams_of_login");
}

function loginQuery(db: Executor): ReturnType<typeof buildLoginQuery> {
  let query = loginQueries.get(db);
  if (!query) loginQueries.set(db, (query = buildLoginQuery(db)));
  return query;
}

function buildVersionQuery(db: Executor) {
  return db
    .select({ version: teams.datasetVersion })
    .from(teams)
    .where(eq(teams.id, sql.placeholder("teamId")))
    .prepare("team_dataset_version");
}

function versionQuery(db: Executor): ReturnType<typeof buildVersionQuery> {
  let query = versionQueries.get(db);
  if (!query) versionQueries.set(db, (query = buildVersionQuery(db)));
  return query;
}

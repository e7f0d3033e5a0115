import type { Organisation, TeamDataset } from "@ankkuri/domain";
import type { InferInsertModel } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../client.js";
import * as t from "../schema/tables.js";

function depth(o: Organisation, byId: Map<string, Organisation>): number {
  let d = 0;
  for (let p = o.parentId; p !== null && d < 10; p = byId.get(p)?.parentId ?? null) d++;
  return d;
}

/**
 * The version of what `seedTeam` writes for a dataset: raise it with any change to the rows it
 * writes, so that prepared dumps of the embedded database made by the older seed are not restored.
 */
export const seedVersion = 2;

/**
 * Loads a team dataset (organisations, team, agreement with its versions, staff, assignments,
 * clearances, bodies), its users and their role assignments in one transaction. Idempotent: rows that
 * exist are left as they are, so running it twice changes nothing.
 */
export async function seedTeam(db: Database, dataset: TeamDataset): Promise<void> {
  const { team, agreement } = dataset;
  const teamId = team.id;
  const byId = new Map(dataset.organisations.map((o) => [o.id, o]));
  const organisations = [...dataset.organisations].sort((a, b) => depth(a, byId) - depth(b, byId));
  await db.transaction(async (tx) => {
    const insert = <T extends PgTable>(table: T, rows: InferInsertModel<T>[]) =>
      rows.length === 0
        ? Promise.resolve()
        : tx
            .insert(table)
            .values(rows as never)
            .onConflictDoNothing();
    await insert(
      t.organisations,
      organisations.map((o) => ({
        id: o.id,
        kind: o.kind,
        parentId: o.parentId,
        nameFi: o.name.fi,
        nameSv: o.name.sv,
        nameEn: o.name.en,
        shortName: o.shortName,
        businessId: o.businessId,
        sector: o.sector,
        address: o.address,
      })),
    );
    await insert(t.teams, [
      {
        id: teamId,
        code: team.code,
        nameFi: team.name.fi,
        nameSv: team.name.sv,
        nameEn: team.name.en,
        policeDepartmentId: team.policeDepartmentId,
        reportLanguages: team.reportLanguages,
      },
    ]);
    await insert(t.agreements, [
      {
        teamId,
        id: agreement.id,
        oid: agreement.oid,
        title: agreement.title,
        description: agreement.description,
        startsOn: agreement.startsOn,
      },
    ]);
    const key = { teamId, agreementId: agreement.id };
    await insert(
      t.agreementVersions,
      agreement.versions.map((v) => ({
        ...key,
        number: v.number,
        effectiveFrom: v.effectiveFrom,
        decidedOn: v.decidedOn,
        summary: v.summary,
        noticePeriodMonths: v.noticePeriodMonths,
      })),
    );
    await insert(
      t.agreementParties,
      agreement.versions.flatMap((v) =>
        v.parties.map((p, position) => ({
          ...key,
          versionNumber: v.number,
          organisationId: p.organisationId,
          position,
          role: p.role,
          contactName: p.contact.name,
          contactTitle: p.contact.title,
          contactEmail: p.contact.email,
          contactPhone: p.contact.phone,
          joiningApprover: v.joiningApproverIds.includes(p.organisationId),
          essential: v.essentialPartyIds.includes(p.organisationId),
        })),
      ),
    );
    await insert(
      t.agreementTeamUnits,
      agreement.versions.flatMap((v) =>
        v.teamUnits.map((u, position) => ({
          ...key,
          versionNumber: v.number,
          organisationId: u.organisationId,
          partyId: u.partyId,
          position,
          professions: u.professions,
        })),
      ),
    );
    await insert(
      t.fteTargets,
      agreement.versions.flatMap((v) =>
        v.fteTargets.map((f, position) => ({
          ...key,
          versionNumber: v.number,
          organisationId: f.organisationId,
          position,
          profession: f.profession,
          fte: f.fte,
          namedFte: f.namedFte,
          supervisors: f.supervisors,
        })),
      ),
    );
    await insert(
      t.signatures,
      agreement.signatures.map((s) => ({
        ...key,
        versionNumber: s.versionNumber,
        id: s.id,
        signerName: s.signerName,
        signerTitle: s.signerTitle,
        organisationId: s.organisationId,
        method: s.method,
        signedAt: s.signedAt,
      })),
    );
    await insert(
      t.joiningDecisions,
      agreement.joiningDecisions.map((d) => ({
        teamId,
        id: d.id,
        agreementId: agreement.id,
        organisationId: d.organisationId,
        effectiveFrom: d.effectiveFrom,
        description: d.description,
      })),
    );
    await insert(
      t.joiningApprovals,
      agreement.joiningDecisions.flatMap((d) =>
        d.approvals.map((a) => ({
          teamId,
          decisionId: d.id,
          organisationId: a.organisationId,
          approvedOn: a.approvedOn,
          reference: a.reference,
        })),
      ),
    );
    await insert(
      t.notices,
      agreement.notices.map((n) => ({
        teamId,
        id: n.id,
        agreementId: agreement.id,
        partyId: n.partyId,
        givenOn: n.givenOn,
        reference: n.reference,
      })),
    );
    await insert(
      t.staff,
      dataset.staff.map((s) => ({
        teamId,
        id: s.id,
        organisationId: s.organisationId,
        profession: s.profession,
        givenName: s.givenName,
        familyName: s.familyName,
        title: s.title,
        login: s.login,
        policeMailAccount: s.policeMailAccount,
      })),
    );
    await insert(
      t.assignments,
      dataset.assignments.map((a) => ({
        teamId,
        id: a.id,
        staffId: a.staffId,
        organisationId: a.organisationId,
        fraction: a.fraction,
        validFrom: a.interval.from,
        validTo: a.interval.to,
        role: a.role,
        needsPremisesAccess: a.needsPremisesAccess,
      })),
    );
    await insert(
      t.securityClearances,
      dataset.clearances.map((c) => ({
        teamId,
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
    );
    await insert(
      t.premisesAccess,
      dataset.premisesAccess.map((p) => ({
        teamId,
        id: p.id,
        staffId: p.staffId,
        validFrom: p.interval.from,
        validTo: p.interval.to,
        areas: p.areas,
      })),
    );
    const bodies = [...dataset.bodies].sort(
      (a, b) => Number(a.parentBodyId !== null) - Number(b.parentBodyId !== null),
    );
    await insert(
      t.cooperationBodies,
      bodies.map((b) => ({
        teamId,
        id: b.id,
        kind: b.kind,
        tier: b.tier,
        nameFi: b.name.fi,
        nameSv: b.name.sv,
        nameEn: b.name.en,
        parentBodyId: b.parentBodyId,
        region: b.region,
        chairPolicy: b.chairPolicy.kind,
        chairOrganisationId: b.chairPolicy.kind === "fixed" ? b.chairPolicy.organisationId : null,
        rotationAnchor: b.chairPolicy.kind === "rotating" ? b.chairPolicy.rotation.anchor : null,
        rotationTermMonths: b.chairPolicy.kind === "rotating" ? b.chairPolicy.rotation.termMonths : null,
        tasks: b.tasks,
        legalBasis: b.legalBasis,
        ageMin: b.ageScope?.min ?? null,
        ageMax: b.ageScope?.max ?? null,
        ageNote: b.ageScope?.note ?? null,
        annualClock: b.annualClock,
      })),
    );
    await insert(
      t.seats,
      dataset.bodies.flatMap((b) =>
        b.seats.map((s, position) => ({
          teamId,
          id: s.id,
          bodyId: b.id,
          position,
          organisationId: s.organisationId,
          roleTitleFi: s.roleTitle.fi,
          roleTitleSv: s.roleTitle.sv,
          roleTitleEn: s.roleTitle.en,
          attendance: s.attendance,
          secretary: s.secretary,
        })),
      ),
    );
    const rotating = dataset.bodies.flatMap((b) =>
      b.chairPolicy.kind === "rotating" ? [{ body: b, rotation: b.chairPolicy.rotation }] : [],
    );
    await insert(
      t.rotationOrder,
      rotating.flatMap(({ body, rotation }) =>
        rotation.order.map((partyId, position) => ({ teamId, bodyId: body.id, position, partyId })),
      ),
    );
    await insert(
      t.rotationEvents,
      rotating.flatMap(({ body, rotation }) =>
        rotation.events.map((e, sequence) => ({
          teamId,
          id: `${body.id}:${String(sequence)}`,
          bodyId: body.id,
          sequence,
          kind: e.kind,
          partyId: e.partyId,
          on: e.kind === "override" ? e.termStart : e.on,
          decidedOn: e.kind === "override" ? e.decidedOn : null,
          reference: e.kind === "override" ? e.reference : null,
        })),
      ),
    );
    await insert(
      t.premises,
      dataset.premises.map((p) => ({
        teamId: p.teamId,
        id: p.id,
        nameFi: p.name.fi,
        nameSv: p.name.sv,
        nameEn: p.name.en,
        address: p.address,
        organisationId: p.organisationId,
      })),
    );
    await insert(
      t.users,
      dataset.users.map((u) => ({
        teamId: u.teamId,
        login: u.login,
        displayName: u.displayName,
        staffId: u.staffId,
        closedOn: u.closedOn,
      })),
    );
    await insert(
      t.roleAssignments,
      dataset.roleAssignments.map((r) => ({
        teamId: r.teamId,
        id: r.id,
        login: r.login,
        role: r.role,
        organisationId: r.organisationId,
        validFrom: r.interval.from,
        validTo: r.interval.to,
      })),
    );
  });
}

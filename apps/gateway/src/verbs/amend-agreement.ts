import { newId, schema } from "@ankkuri/db";
import {
  type Amendment,
  amendmentSchema,
  canAdministerTeam,
  checkAmendment,
  checkSignature,
  type PartyRole,
  type Profession,
  type SignatureMethod,
  signatureSchema,
  inputViolations,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/** A party of an amended version as the mutation receives it. */
export interface PartyRequest {
  organisationId: string | number;
  role: PartyRole;
  contactName: string;
  contactTitle: string;
  contactEmail?: string | null;
  contactPhone?: string | null;
  joiningApprover?: boolean | null;
  essential?: boolean | null;
}

/** An amendment as the mutation receives it; what is left out carries over from the latest version. */
export interface AmendmentRequest {
  effectiveFrom: string;
  decidedOn: string;
  summary: { fi: string; sv: string; en: string };
  noticePeriodMonths?: number | null;
  parties?: PartyRequest[] | null;
  teamUnits?: { organisationId: string | number; partyId: string | number; professions: Profession[] }[] | null;
  fteTargets?:
    | {
        organisationId: string | number;
        profession: Profession;
        fte: number;
        namedFte?: number | null;
        supervisors?: number | null;
      }[]
    | null;
}

function invalid(issues: readonly { message: string; path: readonly PropertyKey[] }[]): RuleViolationFailure {
  return new RuleViolationFailure(inputViolations(issues, ["input"]));
}

function amendmentOf(input: AmendmentRequest): Amendment {
  const parties = input.parties ?? undefined;
  const parsed = amendmentSchema.safeParse({
    effectiveFrom: input.effectiveFrom,
    decidedOn: input.decidedOn,
    summary: input.summary,
    ...(input.noticePeriodMonths != null ? { noticePeriodMonths: input.noticePeriodMonths } : {}),
    ...(parties
      ? {
          parties: parties.map((p) => ({
            organisationId: String(p.organisationId),
            role: p.role,
            contact: {
              name: p.contactName,
              title: p.contactTitle,
              email: p.contactEmail ?? null,
              phone: p.contactPhone ?? null,
            },
          })),
          joiningApproverIds: parties.filter((p) => p.joiningApprover).map((p) => String(p.organisationId)),
          essentialPartyIds: parties.filter((p) => p.essential).map((p) => String(p.organisationId)),
        }
      : {}),
    ...(input.teamUnits
      ? {
          teamUnits: input.teamUnits.map((u) => ({
            organisationId: String(u.organisationId),
            partyId: String(u.partyId),
            professions: u.professions,
          })),
        }
      : {}),
    ...(input.fteTargets
      ? {
          fteTargets: input.fteTargets.map((f) => ({
            organisationId: String(f.organisationId),
            profession: f.profession,
            fte: f.fte,
            namedFte: f.namedFte ?? null,
            supervisors: f.supervisors ?? 0,
          })),
        }
      : {}),
  });
  if (!parsed.success) throw invalid(parsed.error.issues);
  return parsed.data;
}

/**
 * Amends the agreement (003 § 2): a new version from a date with changed terms, FTE targets or
 * parties, the rest carried over; earlier versions are kept (the database refuses to change them).
 * The version is in force only once every party has signed it (`signAgreement`). Written and audited
 * in one transaction.
 */
export async function amendAgreement(ctx: GatewayContext, input: AmendmentRequest): Promise<{ number: number }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const { agreement } = team.dataset;
  const result = checkAmendment(agreement, amendmentOf(input), ctx.today);
  if (!result.ok) throw new RuleViolationFailure(result.error);
  const v = result.value.version;
  const key = { teamId: actor.teamId, agreementId: agreement.id, versionNumber: v.number };
  await auditedWrite(
    ctx,
    {
      operation: "create",
      resource: "agreement-version",
      resourceId: `${agreement.id}:${String(v.number)}`,
      details: { effectiveFrom: v.effectiveFrom },
      basis: "administration",
    },
    async (tx) => {
      await tx.insert(schema.agreementVersions).values({
        teamId: actor.teamId,
        agreementId: agreement.id,
        number: v.number,
        effectiveFrom: v.effectiveFrom,
        decidedOn: v.decidedOn,
        summary: v.summary,
        noticePeriodMonths: v.noticePeriodMonths,
      });
      await tx.insert(schema.agreementParties).values(
        v.parties.map((p, position) => ({
          ...key,
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
      );
      if (v.teamUnits.length > 0)
        await tx.insert(schema.agreementTeamUnits).values(
          v.teamUnits.map((u, position) => ({
            ...key,
            organisationId: u.organisationId,
            partyId: u.partyId,
            position,
            professions: u.professions,
          })),
        );
      if (v.fteTargets.length > 0)
        await tx.insert(schema.fteTargets).values(
          v.fteTargets.map((f, position) => ({
            ...key,
            organisationId: f.organisationId,
            position,
            profession: f.profession,
            fte: f.fte,
            namedFte: f.namedFte,
            supervisors: f.supervisors,
          })),
        );
    },
  );
  return { number: v.number };
}

/**
 * Records a party's signature on a version (003, signatures: signer, title, organisation, method,
 * time). The version comes into force when the last party has signed it, from its effective date or
 * the day of that signature, whichever is later.
 */
export async function signAgreement(
  ctx: GatewayContext,
  input: {
    versionNumber: number;
    organisationId: string | number;
    signerName: string;
    signerTitle: string;
    method: SignatureMethod;
    signedAt?: string | Date | null;
  },
): Promise<{ number: number }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const { agreement } = team.dataset;
  const now = ctx.services.clock().toISOString();
  const signedAt = input.signedAt instanceof Date ? input.signedAt.toISOString() : (input.signedAt ?? now);
  const parsed = signatureSchema.safeParse({
    id: `sig-${newId()}`,
    versionNumber: input.versionNumber,
    signerName: input.signerName,
    signerTitle: input.signerTitle,
    organisationId: String(input.organisationId),
    method: input.method,
    signedAt,
  });
  if (!parsed.success) throw invalid(parsed.error.issues);
  const signature = parsed.data;
  const result = checkSignature(agreement, team.dataset.organisations, signature, now);
  if (!result.ok) throw new RuleViolationFailure(result.error);
  await auditedWrite(
    ctx,
    {
      operation: "create",
      resource: "signature",
      resourceId: signature.id,
      details: { versionNumber: signature.versionNumber, organisationId: signature.organisationId },
      basis: "administration",
    },
    (tx) =>
      tx.insert(schema.signatures).values({
        teamId: actor.teamId,
        agreementId: agreement.id,
        versionNumber: signature.versionNumber,
        id: signature.id,
        signerName: signature.signerName,
        signerTitle: signature.signerTitle,
        organisationId: signature.organisationId,
        method: signature.method,
        signedAt: signature.signedAt,
      }),
  );
  return { number: signature.versionNumber };
}

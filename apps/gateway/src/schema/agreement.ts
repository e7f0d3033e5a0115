import {
  agreementEnd,
  agreementEndDate,
  checkAgreement,
  coreOrganisationIds,
  isInForce,
  partyRoles,
  termsOn,
  versionStatus,
} from "@ankkuri/domain";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { dayArgument, LocalisedTextRef } from "./common.js";
import "./localised-field.js";
import { enumOf, ProfessionEnum, SignatureMethodEnum } from "./enums.js";
import { RuleViolationRef } from "./errors.js";
import { Organisation } from "./organisation.js";

export const PartyRoleEnum = enumOf("PartyRole", "A party's role in the agreement (osapuolen rooli).", partyRoles, {
  supplier: "Supplier (toimittaja): the police department.",
  customer: "Customer (tilaaja): a city division.",
});

export const Agreement = builder.drizzleObject("agreements", {
  name: "Agreement",
  description:
    "The team's cooperation agreement (yhteistoimintasopimus) with its versioned terms, signatures, joining decisions and notices.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID("id", { description: "Agreement id." }),
    oid: t.exposeString("oid", {
      description: "Identifier as issued (OID), kept exactly, e.g. 1.2.246.10.02012566.1.9.632.1.",
    }),
    title: t.localised((a) => a.title, { description: "Title (nimi) in the requested language." }),
    titles: t.field({ type: LocalisedTextRef, resolve: (a) => a.title, description: "Title in every language." }),
    description: t.localised((a) => a.description, { description: "Description (kuvaus)." }),
    startsOn: t.field({ type: "Date", resolve: (a) => a.startsOn, description: "First day in force (voimaantulo)." }),
    versions: t.relation("versions", {
      query: { orderBy: { number: "asc" } },
      description: "Versions of the terms (sopimusversiot), oldest first; never rewritten.",
    }),
    signatures: t.relation("signatures", { description: "Electronic signatures (allekirjoitukset)." }),
    joiningDecisions: t.relation("joiningDecisions", {
      description: "Joint decisions admitting other authorities (liittymispäätökset).",
    }),
    notices: t.relation("notices", { description: "Notices of termination (irtisanomiset)." }),
    inForce: t.boolean({
      args: { on: t.arg(dayArgument("Day to test; defaults to today.")) },
      description: "Whether the agreement is in force (voimassa) on the day.",
      resolve: async (_a, args, ctx) => isInForce((await ctx.team()).dataset.agreement, args.on ?? ctx.today),
    }),
    endsOn: t.field({
      type: "Date",
      nullable: true,
      description: "Last day in force after an essential party's notice; null while in force until further notice.",
      resolve: async (_a, _args, ctx) => agreementEnd((await ctx.team()).dataset.agreement),
    }),
    endDateForNotice: t.field({
      type: "Date",
      args: { noticeDate: t.arg({ type: "Date", required: true, description: "Day the notice would be given." }) },
      description:
        "The end date a notice given on `noticeDate` would set: six calendar months later, clamped to the month's end (irtisanomisaika).",
      resolve: async (_a, args, ctx) => agreementEndDate((await ctx.team()).dataset.agreement, args.noticeDate),
    }),
    termsOn: t.field({
      type: AgreementVersionRef,
      args: { on: t.arg(dayArgument()) },
      description:
        "The terms in force on the day: the newest version every party has signed whose effective date (and last signature) is on or before it.",
      resolve: async (a, args, ctx) => {
        const number = termsOn((await ctx.team()).dataset.agreement, args.on ?? ctx.today).number;
        const found = await ctx.db.query.agreementVersions.findFirst({
          where: { teamId: a.teamId, agreementId: a.id, number },
        });
        if (!found) throw new Error("the terms in force vanished");
        return found;
      },
    }),
    currentVersionNumber: t.int({
      args: { on: t.arg(dayArgument()) },
      description: "Number of the version of the terms in effect on the day (signed by every party).",
      resolve: async (_a, args, ctx) => termsOn((await ctx.team()).dataset.agreement, args.on ?? ctx.today).number,
    }),
    coreOrganisations: t.field({
      type: [Organisation],
      args: { on: t.arg(dayArgument()) },
      description: "The core team's organisations (ydintiimi) on the day: inviting anyone else needs consent.",
      resolve: async (_a, args, ctx) => {
        const team = await ctx.team();
        const ids = coreOrganisationIds(team.dataset.agreement, args.on ?? ctx.today);
        return ctx.db.query.organisations.findMany({ where: { id: { in: ids } } });
      },
    }),
    violations: t.field({
      type: [RuleViolationRef],
      description: "Rule violations of the agreement as a document (missing signatures, wrong references).",
      resolve: async (_a, _args, ctx) => checkAgreement((await ctx.team()).dataset.agreement),
    }),
  }),
});

/**
 * Where a version stands, from its parties and signatures as stored now (a mutation's payload reads
 * them after its write, which the request's team snapshot does not hold).
 */
async function statusOf(
  ctx: GatewayContext,
  v: { teamId: string; agreementId: string; number: number; effectiveFrom: string },
) {
  const key = { teamId: v.teamId, agreementId: v.agreementId, versionNumber: v.number };
  const [parties, signatures] = await Promise.all([
    ctx.db.query.agreementParties.findMany({ where: key }),
    ctx.db.query.signatures.findMany({ where: key }),
  ]);
  return versionStatus(
    { signatures: signatures.map((s) => ({ ...s, signedAt: new Date(s.signedAt).toISOString() })) },
    {
      number: v.number,
      effectiveFrom: v.effectiveFrom,
      parties: parties.map((p) => ({ organisationId: p.organisationId })),
    },
  );
}

export const AgreementVersionRef = builder.drizzleObject("agreementVersions", {
  name: "AgreementVersion",
  description: "One version of the agreement's terms (sopimusversio).",
  fields: (t) => ({
    number: t.exposeInt("number", { description: "Version number, 1 for the original." }),
    effectiveFrom: t.field({ type: "Date", resolve: (v) => v.effectiveFrom, description: "First day in effect." }),
    decidedOn: t.field({ type: "Date", resolve: (v) => v.decidedOn, description: "Day decided." }),
    summary: t.localised((v) => v.summary, { description: "What changed." }),
    noticePeriodMonths: t.exposeInt("noticePeriodMonths", {
      description: "Notice period in months (irtisanomisaika).",
    }),
    parties: t.relation("parties", {
      query: { orderBy: { position: "asc" } },
      description: "Parties (osapuolet) in the agreement's order.",
    }),
    teamUnits: t.relation("teamUnits", {
      query: { orderBy: { position: "asc" } },
      description: "Units staffing the team.",
    }),
    fteTargets: t.relation("fteTargets", {
      query: { orderBy: { position: "asc" } },
      description: "FTE targets (henkilötyövuositavoitteet).",
    }),
    signatures: t.field({
      type: [SignatureRef],
      description: "The parties' signatures of this version (allekirjoitukset).",
      resolve: (v, _args, ctx) =>
        ctx.db.query.signatures.findMany({
          where: { teamId: v.teamId, agreementId: v.agreementId, versionNumber: v.number },
          orderBy: { signedAt: "asc" },
        }),
    }),
    unsignedParties: t.field({
      type: [Organisation],
      description: "Parties that have not signed this version yet; it is not in force before they all have.",
      resolve: async (v, _args, ctx) => {
        const ids = (await statusOf(ctx, v)).unsignedPartyIds;
        return ids.length === 0 ? [] : ctx.db.query.organisations.findMany({ where: { id: { in: ids } } });
      },
    }),
    inForceFrom: t.field({
      type: "Date",
      nullable: true,
      description:
        "First day the version is in force (voimassa): its effective date, or the day its last party signed it when later. Null until every party has signed.",
      resolve: async (v, _args, ctx) => (await statusOf(ctx, v)).inForceFrom,
    }),
  }),
});

builder.drizzleObject("agreementParties", {
  name: "AgreementParty",
  description: "A party of the agreement (sopimusosapuoli) with its role and contact person.",
  fields: (t) => ({
    organisation: t.relation("organisation", { description: "The party." }),
    role: t.field({ type: PartyRoleEnum, resolve: (p) => p.role, description: "Supplier or customer." }),
    contactName: t.exposeString("contactName", {
      description: "Contact person for agreement matters (yhteyshenkilö).",
    }),
    contactTitle: t.exposeString("contactTitle", { description: "The contact person's title." }),
    contactEmail: t.exposeString("contactEmail", { nullable: true, description: "The contact person's e-mail." }),
    joiningApprover: t.exposeBoolean("joiningApprover", {
      description: "Whether the party's approval is needed for joining decisions.",
    }),
    essential: t.exposeBoolean("essential", { description: "Whether the party's notice ends the whole agreement." }),
  }),
});

builder.drizzleObject("agreementTeamUnits", {
  name: "TeamUnit",
  description: "A unit that staffs the team (työryhmän yksikkö), under one of the parties.",
  fields: (t) => ({
    organisation: t.relation("organisation", { description: "The unit." }),
    partyId: t.exposeID("partyId", { description: "Id of the party the unit belongs to." }),
    professions: t.expose("professions", { type: [ProfessionEnum], description: "Professions the unit provides." }),
  }),
});

builder.drizzleObject("fteTargets", {
  name: "FteTarget",
  description: "An FTE target of a unit (henkilötyövuositavoite), 003 § 5: an aim reported against, not a limit.",
  fields: (t) => ({
    organisation: t.relation("organisation", { description: "The unit." }),
    profession: t.expose("profession", { type: ProfessionEnum, description: "Profession." }),
    fte: t.exposeFloat("fte", { description: "Target FTE for Ankkuri work." }),
    namedFte: t.exposeFloat("namedFte", {
      nullable: true,
      description: "The larger named resource the target is reserved from (Kuva: 4.0).",
    }),
    supervisors: t.exposeInt("supervisors", { description: "How many of the FTE are named operational supervisors." }),
  }),
});

export const SignatureRef = builder.drizzleObject("signatures", {
  name: "Signature",
  description: "An electronic signature of a version (sähköinen allekirjoitus).",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Signature id." }),
    versionNumber: t.exposeInt("versionNumber", { description: "Version signed." }),
    signerName: t.exposeString("signerName", { description: "Signer." }),
    signerTitle: t.exposeString("signerTitle", { description: "Signer's title." }),
    organisation: t.relation("organisation", { description: "The party signed for." }),
    method: t.expose("method", { type: SignatureMethodEnum, description: "How it was signed." }),
    signedAt: t.field({ type: "DateTime", resolve: (s) => s.signedAt, description: "When signed." }),
  }),
});

builder.drizzleObject("joiningDecisions", {
  name: "JoiningDecision",
  description: "A joint decision admitting another authority's representatives to the team (liittymispäätös, 003 § 2).",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Decision id." }),
    organisation: t.relation("organisation", { description: "The joining authority." }),
    effectiveFrom: t.field({ type: "Date", resolve: (d) => d.effectiveFrom, description: "First day in effect." }),
    description: t.exposeString("description", { description: "What was decided." }),
    approvals: t.relation("approvals", { description: "Approvals of the joining approvers." }),
  }),
});

builder.drizzleObject("joiningApprovals", {
  name: "JoiningApproval",
  description: "One party's approval of a joining decision (hyväksyntä).",
  fields: (t) => ({
    organisation: t.relation("organisation", { description: "The approving party." }),
    approvedOn: t.field({ type: "Date", resolve: (a) => a.approvedOn, description: "Day approved." }),
    reference: t.exposeString("reference", { description: "Reference of the party's own decision." }),
  }),
});

builder.drizzleObject("notices", {
  name: "Notice",
  description: "A party's notice of termination (irtisanomisilmoitus).",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Notice id." }),
    party: t.relation("party", { description: "The party giving notice." }),
    givenOn: t.field({ type: "Date", resolve: (n) => n.givenOn, description: "Day given." }),
    reference: t.exposeString("reference", { description: "Reference of the decision." }),
    endsOn: t.field({
      type: "Date",
      description: "The party's last day: the notice date plus the notice period.",
      resolve: async (n, _args, ctx) => agreementEndDate((await ctx.team()).dataset.agreement, n.givenOn),
    }),
  }),
});

builder.queryFields((t) => ({
  agreement: t.drizzleField({
    type: "agreements",
    nullable: true,
    description: "The signed-in person's team's agreement.",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.query.agreements.findFirst(query({ where: { teamId: ctx.actor?.teamId ?? "" } })),
  }),
}));

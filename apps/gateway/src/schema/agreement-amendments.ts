import { contactSchema, fteTargetSchema, localisedTextSchema, signatureSchema } from "@ankkuri/domain";
import { builder } from "../builder.js";
import { amendAgreement, signAgreement } from "../verbs/amend-agreement.js";
import { actorOf } from "../verbs/audited-write.js";
import { PartyRoleEnum } from "./agreement.js";
import { ProfessionEnum, SignatureMethodEnum } from "./enums.js";
import { mutationErrors } from "./errors.js";

const admin = { teamAdmin: true } as const;

const LocalisedTextInput = builder.inputType("LocalisedTextInput", {
  description: "A text in Finnish, Swedish and English (monikielinen teksti).",
  fields: (t) => ({
    fi: t.string({ required: true, description: "Finnish." }),
    sv: t.string({ required: true, description: "Swedish." }),
    en: t.string({ required: true, description: "English." }),
  }),
  validate: localisedTextSchema,
});

builder.mutationField("amendAgreement", (t) =>
  t.drizzleField({
    type: "agreementVersions",
    description:
      "Amends the agreement (sopimusmuutos, 003 § 2): a new version from a date with changed terms, FTE targets or parties; what is left out carries over, earlier versions are kept. It is in force only once every party has signed it (`signAgreement`).",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The amendment.",
        type: builder.inputType("AmendAgreementInput", {
          description: "A new version of the terms.",
          fields: (f) => ({
            effectiveFrom: f.field({
              type: "Date",
              required: true,
              description: "First day in effect (today or later).",
            }),
            decidedOn: f.field({
              type: "Date",
              required: true,
              description: "Day decided; not after `effectiveFrom`.",
            }),
            summary: f.field({ type: LocalisedTextInput, required: true, description: "What changes." }),
            noticePeriodMonths: f.int({ required: false, description: "New notice period in months." }),
            parties: f.field({
              required: false,
              description: "The parties of the new version, in order (replaces the list).",
              type: [
                builder.inputType("AgreementPartyInput", {
                  description: "A party of a version.",
                  fields: (p) => ({
                    organisationId: p.id({ required: true, description: "The party." }),
                    role: p.field({ type: PartyRoleEnum, required: true, description: "Supplier or customer." }),
                    contactName: p.string({
                      required: true,
                      description: "Contact person.",
                      validate: contactSchema.shape.name,
                    }),
                    contactTitle: p.string({
                      required: true,
                      description: "Contact person's title.",
                      validate: contactSchema.shape.title,
                    }),
                    contactEmail: p.string({ required: false, description: "Contact person's e-mail." }),
                    contactPhone: p.string({ required: false, description: "Contact person's phone." }),
                    joiningApprover: p.boolean({
                      required: false,
                      description: "Whether its approval is needed for joining decisions.",
                    }),
                    essential: p.boolean({ required: false, description: "Whether its notice ends the agreement." }),
                  }),
                }),
              ],
            }),
            teamUnits: f.field({
              required: false,
              description: "The units staffing the team (replaces the list).",
              type: [
                builder.inputType("TeamUnitInput", {
                  description: "A unit staffing the team under a party.",
                  fields: (u) => ({
                    organisationId: u.id({ required: true, description: "The unit." }),
                    partyId: u.id({ required: true, description: "Its party." }),
                    professions: u.field({
                      type: [ProfessionEnum],
                      required: true,
                      description: "Professions it provides.",
                    }),
                  }),
                }),
              ],
            }),
            fteTargets: f.field({
              required: false,
              description: "The FTE targets (replaces the list), 003 § 5.",
              type: [
                builder.inputType("FteTargetInput", {
                  description: "An FTE target of a unit.",
                  fields: (x) => ({
                    organisationId: x.id({ required: true, description: "The unit." }),
                    profession: x.field({ type: ProfessionEnum, required: true, description: "Profession." }),
                    fte: x.float({ required: true, description: "Target FTE.", validate: fteTargetSchema.shape.fte }),
                    namedFte: x.float({ required: false, description: "The larger named resource, if any." }),
                    supervisors: x.int({ required: false, description: "How many are operational supervisors." }),
                  }),
                }),
              ],
            }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const { number } = await amendAgreement(ctx, input);
      const teamId = actorOf(ctx).teamId;
      const found = await ctx.db.query.agreementVersions.findFirst(query({ where: { teamId, number } }));
      if (!found) throw new Error("a written row vanished");
      return found;
    },
  }),
);

builder.mutationField("signAgreement", (t) =>
  t.drizzleField({
    type: "agreementVersions",
    description:
      "Records a party's signature on a version (allekirjoitus): signer, title and method. The version comes into force when every party has signed it.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The signature.",
        type: builder.inputType("SignAgreementInput", {
          description: "A party's signature on a version.",
          fields: (f) => ({
            versionNumber: f.int({ required: true, description: "The version signed." }),
            organisationId: f.id({ required: true, description: "The party signed for." }),
            signerName: f.string({
              required: true,
              description: "Signer's name.",
              validate: signatureSchema.shape.signerName,
            }),
            signerTitle: f.string({
              required: true,
              description: "Signer's title.",
              validate: signatureSchema.shape.signerTitle,
            }),
            method: f.field({ type: SignatureMethodEnum, required: true, description: "How it was signed." }),
            signedAt: f.field({
              type: "DateTime",
              required: false,
              description: "When signed; defaults to now, never in the future.",
            }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const { number } = await signAgreement(ctx, input);
      const teamId = actorOf(ctx).teamId;
      const found = await ctx.db.query.agreementVersions.findFirst(query({ where: { teamId, number } }));
      if (!found) throw new Error("a written row vanished");
      return found;
    },
  }),
);

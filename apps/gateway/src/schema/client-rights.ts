import { refusedAttempt } from "@ankkuri/db";
import { extractScopeFor, type ExtractEvent, legalBases, localDateSchema } from "@ankkuri/domain";
import { type AccessLogExtractDocument, buildAccessLogExtract } from "@ankkuri/reports";
import { z } from "zod";
import { builder } from "../builder.js";
import { LanguageEnum } from "./common.js";
import { enumOf } from "./enums.js";

const LegalBasisEnum = enumOf(
  "LegalBasis",
  "The legal basis of an access to client data, as the access log records it (käsittelyperuste).",
  legalBases,
  {
    "casework": "Ankkuri casework under the cooperation agreement.",
    "selection": "Client selection by the authorities (003 § 4.2).",
    "consent": "An invitation under the consent of the client and guardians.",
    "statutory-notification": "A statutory notification (Child Welfare Act § 25).",
    "supervision": "Supervision of the work (003 § 6.1).",
    "audit": "Audit of the access log.",
    "data-subject-request": "The data subject's request (GDPR Art. 15, client-data act 703/2023).",
    "administration": "Administration of the team (no client data).",
  },
);

const ExtractEventRef = builder.objectRef<ExtractEvent>("AccessLogExtractEvent").implement({
  description: "One processing of the client's data: when, by which organisation and role, what, and on what basis.",
  fields: (t) => ({
    occurredAt: t.field({ type: "DateTime", resolve: (e) => e.occurredAt, description: "When." }),
    organisation: t.exposeString("organisation", { description: "The organisation that processed the data." }),
    controller: t.exposeString("controller", { description: "The controller the organisation belongs to." }),
    role: t.exposeString("role", { description: "In which role." }),
    person: t.exposeString("person", {
      nullable: true,
      description: "The person, only where the controller's policy names people; otherwise null.",
    }),
    action: t.exposeString("action", { description: "What was done, in the requested language." }),
    basis: t.field({ type: LegalBasisEnum, resolve: (e) => e.basis, description: "The basis, as a stable code." }),
    basisText: t.exposeString("basisText", { description: "The basis with its source, in the requested language." }),
    consentIds: t.exposeStringList("consentIds", { description: "The consents a CONSENT basis rests on." }),
    note: t.exposeString("note", {
      nullable: true,
      description: "A remark, e.g. that the entry predates the logging of bases and its basis is assumed.",
    }),
  }),
});

const ExtractRef = builder.objectRef<AccessLogExtractDocument>("AccessLogExtract").implement({
  description:
    "A client's access-log extract (ote lokitiedoista; client-data act 703/2023, GDPR Art. 15): who processed or received the client's data, when and on what basis.",
  fields: (t) => ({
    clientId: t.string({ resolve: (x) => x.client.id, description: "The client." }),
    controller: t.string({
      nullable: true,
      resolve: (x) => x.controller?.name ?? null,
      description: "The controller answering (a registry office's own), or null for the whole team (an auditor).",
    }),
    from: t.field({ type: "Date", resolve: (x) => x.from, description: "First day covered (Helsinki time)." }),
    to: t.field({ type: "Date", resolve: (x) => x.to, description: "Last day covered (Helsinki time)." }),
    language: t.field({ type: LanguageEnum, resolve: (x) => x.language, description: "The language of the texts." }),
    events: t.field({ type: [ExtractEventRef], resolve: (x) => x.events, description: "The events, oldest first." }),
  }),
});

builder.queryFields((t) => ({
  clientAccessLogExtract: t.field({
    type: ExtractRef,
    nullable: true,
    description:
      "A client's access-log extract (an auditor: the whole team; a registry office: its own controller's events). Null when the client is not the team's. The request itself is logged with the basis DATA_SUBJECT_REQUEST.",
    authScopes: { extractRequester: true },
    args: {
      clientId: t.arg.string({ required: true, description: "The client.", validate: z.uuid() }),
      from: t.arg({ type: "Date", required: true, description: "First day (inclusive)." }),
      to: t.arg({ type: "Date", required: true, description: "Last day (inclusive)." }),
      language: t.arg({ type: LanguageEnum, required: false, description: "Language of the texts (default Finnish)." }),
    },
    // Loose: the other arguments pass through unchanged.
    validate: z
      .looseObject({ from: localDateSchema, to: localDateSchema })
      .refine((a) => a.from <= a.to, { message: "from must not be after to", path: ["to"] }),
    resolve: async (_root, args, ctx) => {
      const actor = ctx.actor;
      if (!actor) return null;
      const team = await ctx.team();
      const scope = extractScopeFor(actor, actor.teamId, team.dataset.agreement, team.organisations, ctx.today);
      if (!scope) return null;
      const extract = await buildAccessLogExtract(
        ctx.db,
        {
          teamId: actor.teamId,
          clientId: args.clientId,
          from: args.from,
          to: args.to,
          language: args.language ?? "fi",
          scope,
          policies: ctx.services.namedControllers.map((controllerId) => ({ controllerId, namesPersons: true })),
          now: ctx.services.clock(),
        },
        team.dataset,
      );
      // Logged whether or not the client was found: an attempt on another team's client shows too.
      ctx.audit.read(
        { resource: "access-log-extract", clientId: extract ? args.clientId : null },
        { basis: "data-subject-request", purpose: "access-log-extract" },
        {
          clientId: args.clientId,
          from: args.from,
          to: args.to,
          events: extract?.events.length ?? 0,
          ...(scope.kind === "controller" ? { controllerId: scope.controllerId } : {}),
          ...(extract ? {} : refusedAttempt),
        },
      );
      return extract;
    },
  }),
}));

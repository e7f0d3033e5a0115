import type { LegalHold } from "@ankkuri/db";
import { legalHoldInputSchema, legalHoldReasons } from "@ankkuri/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { holdsInForce, placeHold, releaseHold } from "../verbs/legal-holds.js";
import { enumOf } from "./enums.js";
import { mutationErrors } from "./errors.js";

const LegalHoldReasonEnum = enumOf(
  "LegalHoldReason",
  "Why data is kept beyond its retention period (säilytysvelvoitteen peruste).",
  legalHoldReasons,
  {
    "complaint": "A pending complaint (e.g. to the Parliamentary Ombudsman or a supervisory authority).",
    "criminal-investigation": "A pending criminal investigation.",
    "litigation": "Pending litigation.",
  },
);

const LegalHoldRef = builder.objectRef<LegalHold>("LegalHold").implement({
  description:
    "A legal hold (säilytysvelvoite) on a client or a case: while it is in force retention removes nothing of it.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "The hold." }),
    clientId: t.exposeString("clientId", {
      nullable: true,
      description: "The client held (all their cases), or null.",
    }),
    caseId: t.exposeString("caseId", { nullable: true, description: "The case held, or null." }),
    reason: t.field({ type: LegalHoldReasonEnum, resolve: (h) => h.reason, description: "Why." }),
    reference: t.exposeString("reference", { description: "The matter held for (a diary number)." }),
    placedOn: t.field({ type: "Date", resolve: (h) => h.placedOn, description: "Day placed." }),
    placedBy: t.exposeString("placedBy", { description: "Login of the person who placed it." }),
    releasedOn: t.field({
      type: "Date",
      nullable: true,
      resolve: (h) => h.releasedOn,
      description: "Day released; null while in force.",
    }),
    releasedBy: t.exposeString("releasedBy", { nullable: true, description: "Login of the person who released it." }),
  }),
});

const uuid = z.uuid();
const oneTarget = z
  .looseObject({ caseId: uuid.nullish(), clientId: uuid.nullish() })
  .refine((t) => (t.caseId == null) !== (t.clientId == null), {
    message: "give exactly one of caseId and clientId",
    path: ["caseId"],
  });
const targetOf = (t: { caseId?: string | null; clientId?: string | null }) =>
  t.caseId != null ? { caseId: t.caseId } : { clientId: t.clientId ?? "" };

const PlaceLegalHoldInput = builder.inputType("PlaceLegalHoldInput", {
  description: "A legal hold on exactly one of a client or a case.",
  fields: (f) => ({
    caseId: f.string({ required: false, description: "The case to hold." }),
    clientId: f.string({ required: false, description: "The client to hold (every case of theirs)." }),
    reason: f.field({ type: LegalHoldReasonEnum, required: true, description: "Why." }),
    reference: f.string({
      required: true,
      description: "The matter held for (a diary number), up to 200 characters.",
      validate: legalHoldInputSchema.shape.reference,
    }),
  }),
});

builder.mutationField("placeLegalHold", (t) =>
  t.field({
    type: LegalHoldRef,
    description:
      "Places a legal hold on a client or a case (auditors: any of the team's; a registry office: its own controller's). A case or client outside the actor's reach is answered as not found, and the attempt is logged as refused. Audited.",
    authScopes: { legalHoldManager: true },
    errors: { types: mutationErrors },
    args: { input: t.arg({ type: PlaceLegalHoldInput, required: true, description: "The hold." }) },
    validate: z.looseObject({ input: oneTarget }),
    resolve: (_root, args, ctx) =>
      placeHold(ctx, targetOf(args.input), { reason: args.input.reason, reference: args.input.reference }),
  }),
);

builder.mutationField("releaseLegalHold", (t) =>
  t.field({
    type: LegalHoldRef,
    description:
      "Releases a legal hold in force, within the actor's reach (as for placing one); retention may then remove what is due. A hold out of reach or not in force is answered as not found, and the attempt is logged as refused. Audited.",
    authScopes: { legalHoldManager: true },
    errors: { types: mutationErrors },
    args: { holdId: t.arg.id({ required: true, description: "The hold.", validate: uuid }) },
    resolve: (_root, args, ctx) => releaseHold(ctx, args.holdId),
  }),
);

builder.queryField("legalHolds", (t) =>
  t.field({
    type: [LegalHoldRef],
    nullable: true,
    description:
      "The legal holds in force on a client (and on each of their cases) or on a case (and on its client). Null when the client or case is not there or not within the actor's reach. The read is logged, a refused one as refused.",
    authScopes: { legalHoldManager: true },
    args: {
      caseId: t.arg.string({ required: false, description: "The case." }),
      clientId: t.arg.string({ required: false, description: "The client." }),
    },
    validate: oneTarget,
    resolve: (_root, args, ctx) => holdsInForce(ctx, targetOf(args)),
  }),
);

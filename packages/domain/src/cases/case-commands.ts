import { z } from "zod";
import { idSchema } from "../core/ids.js";
import { localDateSchema } from "../core/local-date.js";
import {
  childWelfareNotificationSchema,
  closeReasons,
  consentSchema,
  existingClientshipSchema,
  guardianSchema,
  meetingRecordSchema,
  participantSchema,
  referralSchema,
  referralStatuses,
  selectionDecisionSchema,
} from "./case.js";

const on = localDateSchema;

/**
 * Every change to a case, as data. `applyCaseCommand` accepts or refuses each with the reasons; the
 * gateway's mutations and the property tests drive cases only through these.
 */
export const caseCommandSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("start-selection"), on }),
  z.object({ type: z.literal("record-selection-decision"), decision: selectionDecisionSchema }),
  z.object({ type: z.literal("admit"), on }),
  z.object({ type: z.literal("decline"), on }),
  z.object({ type: z.literal("activate"), on }),
  z.object({ type: z.literal("close"), on, reason: z.enum(closeReasons) }),
  z.object({ type: z.literal("add-guardian"), guardian: guardianSchema }),
  z.object({
    type: z.literal("record-existing-clientship"),
    clientship: existingClientshipSchema.omit({ recordedOn: true }),
  }),
  z.object({ type: z.literal("record-child-welfare-notification"), notification: childWelfareNotificationSchema }),
  z.object({
    type: z.literal("record-consent"),
    consent: consentSchema.omit({ withdrawnOn: true, withdrawals: true }),
  }),
  z.object({ type: z.literal("withdraw-consent"), consentId: idSchema, withdrawalId: idSchema, on }),
  z.object({
    type: z.literal("correct-consent-withdrawal"),
    consentId: idSchema,
    withdrawalId: idSchema,
    withdrawnOn: localDateSchema.nullable(),
    reason: z.string().trim().min(1).max(500),
  }),
  z.object({
    type: z.literal("plan-meeting"),
    meetingId: idSchema,
    plannedOn: on,
    composition: z.array(participantSchema).min(1),
  }),
  z.object({ type: z.literal("record-meeting-held"), meetingId: idSchema, heldOn: on, attended: z.array(idSchema) }),
  z.object({ type: z.literal("cancel-meeting"), meetingId: idSchema, on }),
  z.object({ type: z.literal("record-meeting-record"), meetingId: idSchema, record: meetingRecordSchema }),
  z.object({ type: z.literal("inform-responsible-worker"), meetingId: idSchema, on }),
  z.object({
    type: z.literal("make-referral"),
    referral: referralSchema.extend({ status: z.enum(["proposed", "made"]) }),
  }),
  z.object({ type: z.literal("update-referral"), referralId: idSchema, status: z.enum(referralStatuses), on }),
]);
export type CaseCommand = z.output<typeof caseCommandSchema>;
export type CaseCommandType = CaseCommand["type"];

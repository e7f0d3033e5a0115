import { z } from "zod";
import { idSchema } from "../core/ids.js";
import { localDateSchema } from "../core/local-date.js";
import { meetingLogisticsSchema } from "./meeting-logistics.js";
import {
  childWelfareNotificationSchema,
  closeReasons,
  consentSchema,
  existingClientshipSchema,
  guardianSchema,
  invitationAnswers,
  invitationChannels,
  meetingRecordAmendmentSchema,
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
    clientship: existingClientshipSchema.omit({ recordedOn: true, endedOn: true }),
  }),
  z.object({ type: z.literal("end-existing-clientship"), organisationId: idSchema, endedOn: localDateSchema }),
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
    /** Start time, duration and place; null for a meeting whose time is not yet fixed. */
    logistics: meetingLogisticsSchema.nullable().optional(),
  }),
  z.object({ type: z.literal("record-meeting-held"), meetingId: idSchema, heldOn: on, attended: z.array(idSchema) }),
  z.object({ type: z.literal("cancel-meeting"), meetingId: idSchema, on }),
  z.object({
    type: z.literal("record-meeting-record"),
    meetingId: idSchema,
    record: meetingRecordSchema.omit({ amendments: true }),
  }),
  z.object({
    type: z.literal("complete-meeting-record"),
    meetingId: idSchema,
    amendment: meetingRecordAmendmentSchema,
  }),
  z.object({
    type: z.literal("send-invitations"),
    meetingId: idSchema,
    on,
    sentBy: idSchema,
    invitations: z
      .array(z.object({ id: idSchema, participantId: idSchema, channel: z.enum(invitationChannels) }))
      .min(1)
      .max(30),
  }),
  z.object({
    type: z.literal("answer-invitation"),
    invitationId: idSchema,
    answer: z.enum(invitationAnswers),
    on,
    recordedBy: idSchema,
  }),
  z.object({ type: z.literal("inform-responsible-worker"), meetingId: idSchema, on }),
  z.object({
    type: z.literal("make-referral"),
    referral: referralSchema.extend({ status: z.enum(["proposed", "made"]) }),
  }),
  z.object({ type: z.literal("update-referral"), referralId: idSchema, status: z.enum(referralStatuses), on }),
]);
export type CaseCommand = z.output<typeof caseCommandSchema>;
export type CaseCommandType = CaseCommand["type"];

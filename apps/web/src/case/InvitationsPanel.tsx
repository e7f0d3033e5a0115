import { AnswerInvitationDocument, SendInvitationsDocument } from "@ankkuri/client/operations";
import type { VariablesOf } from "@graphql-typed-document-node/core";
import { useState } from "react";
import { client } from "../api.js";
import { useI18n } from "../i18n.js";
import { type CaseProps, clientName, type Meeting, type MeetingLogistics } from "./case-data.js";
import { Check, toggled, useDay } from "./fields.js";
import { InlineForm, useInlineForm } from "./inline-form.js";

type Channel = VariablesOf<typeof SendInvitationsDocument>["input"]["invitations"][number]["channel"];
type Answer = VariablesOf<typeof AnswerInvitationDocument>["input"]["answer"];
type Invitation = MeetingLogistics["invitations"][number];
const channels: Channel[] = ["SECURE_MESSAGE", "EMAIL", "PHONE", "LETTER", "IN_PERSON"];

/** A seat by who sits in it: the client by name, an organisation by its name, else the role. */
function useSeatName(c: CaseProps["c"]) {
  const { label } = useI18n();
  return (p: Meeting["participants"][number]) =>
    `${label(p.role)}${p.organisation ? `: ${p.organisation.name}` : ""}${p.role === "CLIENT" ? `: ${clientName(c)}` : ""}`;
}

/** Records a seat's answer to its invitation. */
function AnswerForm({
  c,
  reload,
  invitation,
  seat,
  describedBy,
}: CaseProps & { invitation: Invitation; seat: string; describedBy: string }) {
  const { t, label } = useI18n();
  const form = useInlineForm(reload);
  const { run } = form;
  const [answer, setAnswer] = useState<Answer>("ACCEPTED");
  const id = `answer-${invitation.invitationId}`;
  const submit = async () => {
    await run(
      async () =>
        (
          await client.request(AnswerInvitationDocument, {
            input: { invitationId: invitation.invitationId, answer, expectedVersion: c.version },
          })
        ).answerInvitation,
      t.answerRecorded(seat),
      "meetings-title",
    );
  };
  return (
    <InlineForm
      id={id}
      form={form}
      title={t.recordAnswer}
      submitText={t.save}
      describedBy={describedBy}
      onSubmit={submit}
    >
      <fieldset>
        <legend>{t.answerOf(seat)}</legend>
        {(["ACCEPTED", "DECLINED_INVITATION"] as const).map((a) => {
          const value: Answer = a === "ACCEPTED" ? "ACCEPTED" : "DECLINED";
          return (
            <div className="check" key={a}>
              <input
                type="radio"
                name={id}
                id={`${id}-${value}`}
                checked={answer === value}
                autoFocus={value === "ACCEPTED"}
                onChange={() => {
                  setAnswer(value);
                }}
              />
              <label htmlFor={`${id}-${value}`}>{label(a)}</label>
            </div>
          );
        })}
      </fieldset>
    </InlineForm>
  );
}

/** Sends invitations to the seats not yet invited, by one channel. */
function SendForm({
  c,
  reload,
  meeting,
  open: seats,
}: CaseProps & { meeting: Meeting; open: Meeting["participants"] }) {
  const { t, label } = useI18n();
  const seatName = useSeatName(c);
  const form = useInlineForm(reload);
  const { setProblems, run } = form;
  const [chosen, setChosen] = useState<string[]>(seats.map((p) => p.participantId));
  const [channel, setChannel] = useState<Channel>("SECURE_MESSAGE");
  const id = `invite-${meeting.meetingId}`;
  const submit = async () => {
    if (chosen.length === 0) {
      setProblems([{ message: t.chooseOne(t.seats), field: `${id}-${seats[0]?.participantId ?? ""}` }]);
      return;
    }
    await run(
      async () =>
        (
          await client.request(SendInvitationsDocument, {
            input: {
              meetingId: meeting.meetingId,
              invitations: chosen.map((participantId) => ({ participantId, channel })),
              expectedVersion: c.version,
            },
          })
        ).sendInvitations,
      t.invitationsSent,
      "meetings-title",
    );
  };
  return (
    <InlineForm id={id} form={form} title={t.sendInvitations} submitText={t.sendInvitations} onSubmit={submit}>
      <fieldset>
        <legend>{t.seats}</legend>
        {seats.map((p) => (
          <Check
            key={p.participantId}
            id={`${id}-${p.participantId}`}
            checked={chosen.includes(p.participantId)}
            onToggle={() => {
              setChosen(toggled(chosen, p.participantId));
            }}
          >
            {seatName(p)}
          </Check>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-channel`}>{t.channel}</label>
        <select
          id={`${id}-channel`}
          value={channel}
          autoFocus
          onChange={(event) => {
            setChannel(event.target.value as Channel);
          }}
        >
          {channels.map((ch) => (
            <option key={ch} value={ch}>
              {label(ch)}
            </option>
          ))}
        </select>
      </div>
    </InlineForm>
  );
}

/** A planned meeting's invitations, seat by seat, with sending them and recording the answers. */
export function InvitationsPanel({
  c,
  reload,
  meeting,
  logistics,
}: CaseProps & { meeting: Meeting; logistics: MeetingLogistics | undefined }) {
  const { t, label } = useI18n();
  const day = useDay();
  const seatName = useSeatName(c);
  const invitations = logistics?.invitations ?? [];
  const invitationOf = (participantId: string) =>
    invitations.find((i) => i.participant.participantId === participantId);
  const notInvited = meeting.participants.filter((p) => !invitationOf(p.participantId));
  return (
    <div className="invitations">
      <table>
        <caption>{t.invitations}</caption>
        <thead>
          <tr>
            <th scope="col">{t.participants}</th>
            <th scope="col">{t.invitation}</th>
            <th scope="col">
              <span className="visually-hidden">{t.recordAnswer}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {meeting.participants.map((p) => {
            const invitation = invitationOf(p.participantId);
            const seat = seatName(p);
            const rowId = `seat-${meeting.meetingId}-${p.participantId}`;
            return (
              <tr key={p.participantId}>
                <th scope="row" id={rowId}>
                  {seat}
                </th>
                <td>
                  {!invitation
                    ? t.notInvited
                    : invitation.answer
                      ? `${label(invitation.answer === "DECLINED" ? "DECLINED_INVITATION" : invitation.answer)} ${day(invitation.answeredOn)}`
                      : t.invitedOn(day(invitation.sentOn), label(invitation.channel))}
                </td>
                <td>
                  {invitation && !invitation.answer ? (
                    <AnswerForm c={c} reload={reload} invitation={invitation} seat={seat} describedBy={rowId} />
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {notInvited.length > 0 ? <SendForm c={c} reload={reload} meeting={meeting} open={notInvited} /> : null}
    </div>
  );
}

import { RecordMeetingHeldDocument } from "@ankkuri/client/operations";
import { useState } from "react";
import { client } from "../api.js";
import { isoDate } from "../common.js";
import { useI18n } from "../i18n.js";
import { type CaseProps, clientName, type Meeting } from "./case-data.js";
import { Check, DateField, toggled } from "./fields.js";
import { InlineForm, useInlineForm } from "./inline-form.js";

/** Records a planned meeting as held: the day and who attended. */
export function RecordHeldForm({ c, meeting, reload }: CaseProps & { meeting: Meeting }) {
  const { t, label } = useI18n();
  const form = useInlineForm(reload);
  const { setProblems, run, invalid, setOpen } = form;
  const [heldOn, setHeldOn] = useState<string>(meeting.plannedOn);
  const [attended, setAttended] = useState<string[]>(meeting.participants.map((p) => p.participantId));
  const id = `held-${meeting.meetingId}`;
  const submit = async () => {
    if (!isoDate.test(heldOn)) {
      setProblems([{ message: t.invalidDate(t.heldOn), field: `${id}-date` }]);
      return;
    }
    const ok = await run(
      async () =>
        (
          await client.request(RecordMeetingHeldDocument, {
            input: { caseId: c.caseId, meetingId: meeting.meetingId, heldOn, attended, expectedVersion: c.version },
          })
        ).recordMeetingHeld,
      t.meetingHeld,
      "meetings-title",
    );
    if (ok) setOpen(false);
  };
  return (
    <InlineForm id={id} form={form} title={t.recordHeld} submitText={t.save} onSubmit={submit}>
      <DateField
        id={`${id}-date`}
        label={t.heldOn}
        value={heldOn}
        onChange={setHeldOn}
        invalid={invalid(`${id}-date`)}
        autoFocus
      />
      <fieldset>
        <legend>{t.attended}</legend>
        {meeting.participants.map((p) => (
          <Check
            key={p.participantId}
            id={`${id}-${p.participantId}`}
            checked={attended.includes(p.participantId)}
            onToggle={() => {
              setAttended(toggled(attended, p.participantId));
            }}
          >
            {label(p.role)}
            {p.organisation ? `: ${p.organisation.name}` : ""}
            {p.role === "CLIENT" ? `: ${clientName(c)}` : ""}
          </Check>
        ))}
      </fieldset>
    </InlineForm>
  );
}

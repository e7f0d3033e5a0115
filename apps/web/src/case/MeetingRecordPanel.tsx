import { CompleteMeetingRecordDocument, RecordMeetingRecordDocument } from "@ankkuri/client/operations";
import { useState } from "react";
import { client } from "../api.js";
import { isoDate, today } from "../common.js";
import { useI18n } from "../i18n.js";
import type { CaseProps, Meeting, MeetingLogistics } from "./case-data.js";
import { Check, DateField, toggled } from "./fields.js";
import { InlineForm, useInlineForm } from "./inline-form.js";

type Entry = "inClientRecord" | "inStatistics";
const entries: Entry[] = ["inClientRecord", "inStatistics"];

/** Where the held meeting is recorded so far: the first record and every amendment after it. */
function recordedIn(record: MeetingLogistics["record"]): Record<Entry, boolean> | null {
  if (!record) return null;
  const all = [record, ...record.amendments];
  return { inClientRecord: all.some((r) => r.inClientRecord), inStatistics: all.some((r) => r.inStatistics) };
}

/**
 * A held meeting's record: where it is recorded, and the form that records it (the first record) or
 * completes it with the entry still missing (an amendment; the first record is never changed).
 */
export function MeetingRecordPanel({
  c,
  reload,
  meeting,
  logistics,
}: CaseProps & { meeting: Meeting; logistics: MeetingLogistics | undefined }) {
  const { t } = useI18n();
  const form = useInlineForm(reload);
  const { setProblems, run, invalid, setOpen } = form;
  const done = recordedIn(logistics?.record ?? null);
  const missing = entries.filter((e) => !done?.[e]);
  const [on, setOn] = useState(today);
  // The entries the user left out: every missing one is offered checked, also after a first record.
  const [left, setLeft] = useState<Entry[]>([]);
  const chosen = missing.filter((e) => !left.includes(e));
  const id = `record-${meeting.meetingId}`;
  const names: Record<Entry, string> = { inClientRecord: t.inClientRecord, inStatistics: t.inStatistics };
  const submit = async () => {
    const found = [];
    if (!isoDate.test(on)) found.push({ message: t.invalidDate(t.recordedOn), field: `${id}-date` });
    if (chosen.length === 0) found.push({ message: t.chooseOne(t.record), field: `${id}-${missing[0] ?? ""}` });
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const input = {
      caseId: c.caseId,
      meetingId: meeting.meetingId,
      recordedOn: on,
      inClientRecord: chosen.includes("inClientRecord"),
      inStatistics: chosen.includes("inStatistics"),
      expectedVersion: c.version,
    };
    const ok = await run(
      async () =>
        done
          ? (await client.request(CompleteMeetingRecordDocument, { input })).completeMeetingRecord
          : (await client.request(RecordMeetingRecordDocument, { input })).recordMeetingRecord,
      done ? t.recordCompleted : t.meetingRecorded,
      "meetings-title",
    );
    if (ok) {
      setOpen(false);
      setLeft([]);
    }
  };
  return (
    <>
      <p>
        {t.record}:{" "}
        {done
          ? entries.map((e) => `${names[e]} ${done[e] ? t.yes.toLowerCase() : t.no.toLowerCase()}`).join(", ")
          : t.notRecorded}
      </p>
      {missing.length > 0 ? (
        <InlineForm
          id={id}
          form={form}
          title={done ? t.completeRecord : t.recordMeeting}
          submitText={t.save}
          onSubmit={submit}
        >
          <DateField
            id={`${id}-date`}
            label={t.recordedOn}
            value={on}
            onChange={setOn}
            invalid={invalid(`${id}-date`)}
            autoFocus
          />
          <fieldset>
            <legend>{t.record}</legend>
            {missing.map((e) => (
              <Check
                key={e}
                id={`${id}-${e}`}
                checked={chosen.includes(e)}
                onToggle={() => {
                  setLeft(toggled(left, e));
                }}
              >
                {names[e]}
              </Check>
            ))}
          </fieldset>
        </InlineForm>
      ) : null}
    </>
  );
}

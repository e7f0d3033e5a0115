import { useI18n } from "../i18n.js";
import type { CaseProps, MeetingLogistics, OrganisationChoices } from "./case-data.js";
import { Section, useDay } from "./fields.js";
import { InvitationsPanel } from "./InvitationsPanel.js";
import { MeetingRecordPanel } from "./MeetingRecordPanel.js";
import { PlanMeetingForm } from "./PlanMeetingForm.js";
import { RecordHeldForm } from "./RecordHeldForm.js";

/** A meeting's start time, length and place, when they are set. */
function TimeAndPlace({ meeting }: { meeting: MeetingLogistics | undefined }) {
  const { t } = useI18n();
  if (!meeting?.startTime) return null;
  const place = meeting.premises?.name ?? meeting.placeDescription;
  return (
    <p>
      {t.at} {meeting.startTime}
      {meeting.durationMinutes ? `, ${t.minutes(meeting.durationMinutes)}` : ""}
      {place ? ` — ${t.place}: ${place}` : ""}
    </p>
  );
}

/** The case's meetings, each planned one recordable as held, and the form to plan one. */
export function MeetingsSection({
  c,
  logistics,
  coreOrganisations,
  organisations,
  reload,
}: CaseProps & OrganisationChoices & { logistics: MeetingLogistics[] }) {
  const { t, label } = useI18n();
  const day = useDay();
  return (
    <Section id="meetings-title" title={t.meetings}>
      {c.meetings.length === 0 ? (
        <p>{t.noMeetings}</p>
      ) : (
        <ul className="meetings">
          {c.meetings.map((m) => (
            <li key={m.meetingId}>
              <p>
                <strong>{label(m.status)}</strong> — {t.plannedOn} {day(m.plannedOn)}
                {m.heldOn ? `, ${t.heldOn} ${day(m.heldOn)}` : ""}
              </p>
              <TimeAndPlace meeting={logistics.find((l) => l.meetingId === m.meetingId)} />
              <p>
                {t.participants}:{" "}
                {m.participants
                  .map(
                    (p) =>
                      `${label(p.role)}${p.organisation ? ` (${p.organisation.name})` : ""}${p.attended ? " ✓" : ""}`,
                  )
                  .join(", ")}
              </p>
              {m.status === "PLANNED" ? (
                <>
                  <InvitationsPanel
                    c={c}
                    reload={reload}
                    meeting={m}
                    logistics={logistics.find((l) => l.meetingId === m.meetingId)}
                  />
                  <RecordHeldForm c={c} meeting={m} reload={reload} />
                </>
              ) : null}
              {m.status === "HELD" ? (
                <MeetingRecordPanel
                  c={c}
                  reload={reload}
                  meeting={m}
                  logistics={logistics.find((l) => l.meetingId === m.meetingId)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <PlanMeetingForm c={c} coreOrganisations={coreOrganisations} organisations={organisations} reload={reload} />
    </Section>
  );
}

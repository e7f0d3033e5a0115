import { PlanMeetingDocument } from "@ankkuri/client/operations";
import type { VariablesOf } from "@graphql-typed-document-node/core";
import { type SyntheticEvent, useState } from "react";
import { client } from "../api.js";
import { ErrorSummary, isoDate, type Problem } from "../common.js";
import { useI18n } from "../i18n.js";
import { type CaseProps, clientName, type OrganisationChoices } from "./case-data.js";
import { Check, DateField, toggled } from "./fields.js";
import { logisticsOf, MeetingPlaceFields, noPlaceAndTime, type PlaceAndTime } from "./MeetingPlaceFields.js";
import { MeetingWarnings, type Warning } from "./MeetingWarnings.js";
import { useMutationForm } from "./use-mutation-form.js";

type Participant = VariablesOf<typeof PlanMeetingDocument>["input"]["composition"][number];

/** The link from a consent refusal to the consent form, which takes the focus. */
function GoToConsentForm() {
  const { t } = useI18n();
  return (
    <p>
      {t.consentRefusalHelp}{" "}
      <a
        href="#consent-form-title"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById("consent-form-title")?.focus();
        }}
      >
        {t.goToConsentForm}
      </a>
    </p>
  );
}

/**
 * Plans a meeting: the day, its time and place, the personal participants, the core team's seats and
 * one invited organisation. A booked room or a double-booked worker comes back as a warning.
 */
export function PlanMeetingForm({ c, coreOrganisations, organisations, reload }: CaseProps & OrganisationChoices) {
  const { t } = useI18n();
  const { problems, setProblems, consent, busy, run, invalid } = useMutationForm(reload);
  const [plannedOn, setPlannedOn] = useState("");
  const [withClient, setWithClient] = useState(true);
  const [guardians, setGuardians] = useState<string[]>(c.guardians.map((g) => g.guardianId));
  const [core, setCore] = useState<string[]>(coreOrganisations.map((o) => o.id));
  const [invite, setInvite] = useState("");
  const [placeAndTime, setPlaceAndTime] = useState<PlaceAndTime>(noPlaceAndTime);
  const [warnings, setWarnings] = useState<Warning[]>([]);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    if (!isoDate.test(plannedOn)) found.push({ message: t.invalidDate(t.date), field: "plan-date" });
    const logistics = logisticsOf(placeAndTime);
    if (logistics.faults.includes("time")) found.push({ message: t.invalidTime, field: "plan-time" });
    if (logistics.faults.includes("duration")) found.push({ message: t.invalidDuration, field: "plan-duration" });
    if (logistics.faults.includes("place"))
      found.push({
        message: t.timeAndPlaceTogether,
        field: placeAndTime.premises === "other" ? "plan-place" : "plan-premises",
      });
    const composition: Participant[] = [
      ...(withClient ? [{ role: "CLIENT" as const }] : []),
      ...guardians.map((guardianId) => ({ role: "GUARDIAN" as const, guardianId })),
      ...core.map((organisationId) => ({ role: "CORE" as const, organisationId })),
      ...(invite ? [{ role: "INVITED" as const, organisationId: invite, profession: "OTHER" as const }] : []),
    ];
    if (core.length === 0)
      found.push({ message: t.chooseOne(t.coreTeam), field: `plan-core-${coreOrganisations[0]?.id ?? ""}` });
    setWarnings([]);
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    let accepted: Warning[] = [];
    const ok = await run(
      async () => {
        const result = (
          await client.request(PlanMeetingDocument, {
            input: { caseId: c.caseId, plannedOn, composition, expectedVersion: c.version, ...logistics.input },
          })
        ).planMeeting;
        if (result.__typename === "CasePayload") accepted = result.warnings;
        return result;
      },
      t.meetingPlanned,
      "meetings-title",
    );
    if (ok) {
      setPlannedOn("");
      setInvite("");
      setPlaceAndTime(noPlaceAndTime);
      setWarnings(accepted);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-title">
      <h3 id="plan-title">{t.planMeeting}</h3>
      <ErrorSummary title={consent ? t.consentRefusalTitle : t.errorSummary} problems={problems}>
        {consent ? <GoToConsentForm /> : null}
      </ErrorSummary>
      <MeetingWarnings warnings={warnings} />
      <DateField
        id="plan-date"
        label={t.date}
        value={plannedOn}
        onChange={setPlannedOn}
        invalid={invalid("plan-date")}
      />
      <MeetingPlaceFields value={placeAndTime} onChange={setPlaceAndTime} invalid={invalid} />
      <fieldset>
        <legend>{t.personalParticipants}</legend>
        <Check
          id="plan-client"
          checked={withClient}
          onToggle={() => {
            setWithClient(!withClient);
          }}
        >
          {t.client}: {clientName(c)}
        </Check>
        {c.guardians.map((g) => (
          <Check
            key={g.guardianId}
            id={`plan-guardian-${g.guardianId}`}
            checked={guardians.includes(g.guardianId)}
            onToggle={() => {
              setGuardians(toggled(guardians, g.guardianId));
            }}
          >
            {t.guardian}: {g.givenName} {g.familyName}
          </Check>
        ))}
      </fieldset>
      <fieldset aria-describedby="plan-core-hint">
        <legend>{t.coreTeam}</legend>
        <p id="plan-core-hint" className="hint">
          {t.coreTeamHint}
        </p>
        {coreOrganisations.map((o) => (
          <Check
            key={o.id}
            id={`plan-core-${o.id}`}
            checked={core.includes(o.id)}
            onToggle={() => {
              setCore(toggled(core, o.id));
            }}
          >
            {o.name}
          </Check>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="plan-invite">{t.invite}</label>
        <p id="plan-invite-hint" className="hint">
          {t.inviteHint}
        </p>
        <select
          id="plan-invite"
          aria-describedby="plan-invite-hint"
          value={invite}
          onChange={(event) => {
            setInvite(event.target.value);
          }}
        >
          <option value="">{t.noInvite}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {"\u00a0\u00a0".repeat(o.depth)}
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {t.planMeeting}
      </button>
    </form>
  );
}

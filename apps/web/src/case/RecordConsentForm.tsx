import { RecordConsentDocument } from "@ankkuri/client/operations";
import type { VariablesOf } from "@graphql-typed-document-node/core";
import { type SyntheticEvent, useState } from "react";
import { client } from "../api.js";
import { ErrorSummary, isoDate, type Problem } from "../common.js";
import { useI18n } from "../i18n.js";
import { type CaseProps, clientName, type OrganisationChoices } from "./case-data.js";
import { Check, DateField, toggled } from "./fields.js";
import { useMutationForm } from "./use-mutation-form.js";

type ConsentFormValue = VariablesOf<typeof RecordConsentDocument>["input"]["form"];

/** Records a consent: who gave it, how, from and until when, and to which organisations. */
export function RecordConsentForm({
  c,
  organisations,
  reload,
}: CaseProps & Pick<OrganisationChoices, "organisations">) {
  const { t, label } = useI18n();
  const { problems, setProblems, busy, run, invalid } = useMutationForm(reload);
  const [giver, setGiver] = useState<string>("CLIENT");
  const [form, setForm] = useState<ConsentFormValue>("WRITTEN");
  const [givenOn, setGivenOn] = useState("");
  const [validUntil, setValidUntil] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const givers = [
    { value: "CLIENT", text: `${t.client}: ${clientName(c)}` },
    ...c.guardians.map((g) => ({ value: g.guardianId, text: `${t.guardian}: ${g.givenName} ${g.familyName}` })),
  ];
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    if (!isoDate.test(givenOn)) found.push({ message: t.invalidDate(t.givenOn), field: "consent-given" });
    if (validUntil && !isoDate.test(validUntil))
      found.push({ message: t.invalidDate(t.validUntil), field: "consent-until" });
    if (chosen.length === 0)
      found.push({ message: t.chooseOne(t.consentOrganisations), field: `consent-org-${organisations[0]?.id ?? ""}` });
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const ok = await run(
      async () =>
        (
          await client.request(RecordConsentDocument, {
            input: {
              caseId: c.caseId,
              giverKind: giver === "CLIENT" ? "CLIENT" : "GUARDIAN",
              ...(giver === "CLIENT" ? {} : { guardianId: giver }),
              form,
              givenOn,
              ...(validUntil ? { validUntil } : {}),
              organisationIds: chosen,
              expectedVersion: c.version,
            },
          })
        ).recordConsent,
      t.consentRecorded,
      "consents-title",
    );
    if (ok) {
      setChosen([]);
      setGivenOn("");
      setValidUntil("");
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="consent-form-title">
      <h3 id="consent-form-title" tabIndex={-1}>
        {t.recordConsent}
      </h3>
      <ErrorSummary title={t.errorSummary} problems={problems} />
      <fieldset>
        <legend>{t.giverKind}</legend>
        {givers.map((g) => (
          <div className="check" key={g.value}>
            <input
              type="radio"
              name="consent-giver"
              id={`consent-giver-${g.value}`}
              value={g.value}
              checked={giver === g.value}
              onChange={() => {
                setGiver(g.value);
              }}
            />
            <label htmlFor={`consent-giver-${g.value}`}>{g.text}</label>
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="consent-form">{t.form}</label>
        <select
          id="consent-form"
          value={form}
          onChange={(event) => {
            setForm(event.target.value as ConsentFormValue);
          }}
        >
          {(["WRITTEN", "ORAL", "ELECTRONIC"] as const).map((f) => (
            <option key={f} value={f}>
              {label(f)}
            </option>
          ))}
        </select>
      </div>
      <DateField
        id="consent-given"
        label={t.givenOn}
        value={givenOn}
        onChange={setGivenOn}
        invalid={invalid("consent-given")}
      />
      <div className="field">
        <label htmlFor="consent-until">{t.validUntil}</label>
        <input
          id="consent-until"
          type="date"
          value={validUntil}
          onChange={(event) => {
            setValidUntil(event.target.value);
          }}
        />
      </div>
      <fieldset className="scroll">
        <legend>{t.consentOrganisations}</legend>
        {organisations.map((o) => (
          <Check
            key={o.id}
            id={`consent-org-${o.id}`}
            depth={o.depth}
            checked={chosen.includes(o.id)}
            onToggle={() => {
              setChosen(toggled(chosen, o.id));
            }}
          >
            {o.name}
          </Check>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {t.recordConsent}
      </button>
    </form>
  );
}

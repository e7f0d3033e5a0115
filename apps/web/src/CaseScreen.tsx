import { errorOf, isConflict, isRuleViolation, violationsOf } from "@ankkuri/client";
import {
  CaseAccessDocument,
  CaseDetailDocument,
  OrganisationTreeDocument,
  PlanMeetingDocument,
  RecordConsentDocument,
  RecordMeetingHeldDocument,
  WithdrawConsentDocument,
} from "@ankkuri/client/operations";
import type { ResultOf, VariablesOf } from "@graphql-typed-document-node/core";
import { type SyntheticEvent, type ReactNode, useState } from "react";
import { client } from "./api.js";
import { useAnnounce } from "./App.js";
import { ErrorSummary, formatDay, isoDate, Link, PageHeading, type Problem, RequestError, useQuery } from "./common.js";
import { type Messages, useI18n } from "./i18n.js";

type CaseDetail = NonNullable<ResultOf<typeof CaseDetailDocument>["case"]>;
type Participant = VariablesOf<typeof PlanMeetingDocument>["input"]["composition"][number];
type Organisation = { id: string; name: string; depth: number };
type Payload = { __typename: string; message?: string };

/** What a mutation's payload says went wrong, as problems for the error summary. */
function problemsOf(payload: Payload, t: Messages): { problems: Problem[]; conflict: boolean; consent: boolean } {
  const error = errorOf(payload) as (Payload & { code?: string; issues?: { message: string }[] }) | null;
  if (!error) return { problems: [], conflict: false, consent: false };
  if (isConflict(payload)) return { problems: [{ message: t.conflict }], conflict: true, consent: false };
  if (isRuleViolation(payload as never)) {
    const violations = violationsOf(payload as never) as { code: string; message: string }[];
    return {
      problems: violations.map((v) => ({ message: v.message })),
      conflict: false,
      consent: violations.some((v) => v.code.startsWith("CONSENT.")),
    };
  }
  const issues = error.issues ?? [];
  return {
    problems:
      issues.length > 0
        ? issues.map((i) => ({ message: i.message }))
        : [{ message: error.message ?? error.__typename }],
    conflict: false,
    consent: false,
  };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function DateField({
  id,
  label,
  value,
  onChange,
  invalid,
  autoFocus = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  /** For a form the user just opened: the focus goes to its first field. */
  autoFocus?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        required
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

/** After an inline form closes, the focus goes back to the button that opened it. */
function returnFocus(formId: string): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLButtonElement>(`button[aria-controls="${formId}"]`)?.focus();
  });
}

/** Runs a mutation and turns its union into problems; success reloads the case and announces it. */
function useMutationForm(reload: () => Promise<void>) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  /** `focusAfter`: the heading that takes the focus after a success (the form may be gone by then). */
  const run = async (call: () => Promise<Payload>, success: string, focusAfter: string): Promise<boolean> => {
    setBusy(true);
    try {
      const payload = await call();
      const found = problemsOf(payload, t);
      if (found.conflict) await reload();
      setConsent(found.consent);
      setProblems(found.problems);
      if (found.problems.length === 0) {
        announce(success);
        await reload();
        document.getElementById(focusAfter)?.focus();
        return true;
      }
      return false;
    } catch (error) {
      setConsent(false);
      setProblems([{ message: `${t.requestFailed}: ${(error as Error).message}` }]);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { problems, setProblems, consent, busy, run };
}

function PlanMeetingForm({
  c,
  coreOrganisations,
  organisations,
  reload,
}: {
  c: CaseDetail;
  coreOrganisations: { id: string; name: string }[];
  organisations: Organisation[];
  reload: () => Promise<void>;
}) {
  const { t } = useI18n();
  const { problems, setProblems, consent, busy, run } = useMutationForm(reload);
  const [plannedOn, setPlannedOn] = useState("");
  const [withClient, setWithClient] = useState(true);
  const [guardians, setGuardians] = useState<string[]>(c.guardians.map((g) => g.guardianId));
  const [core, setCore] = useState<string[]>(coreOrganisations.map((o) => o.id));
  const [invite, setInvite] = useState("");
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    if (!isoDate.test(plannedOn)) found.push({ message: t.invalidDate(t.date), field: "plan-date" });
    const composition: Participant[] = [
      ...(withClient ? [{ role: "CLIENT" as const }] : []),
      ...guardians.map((guardianId) => ({ role: "GUARDIAN" as const, guardianId })),
      ...core.map((organisationId) => ({ role: "CORE" as const, organisationId })),
      ...(invite ? [{ role: "INVITED" as const, organisationId: invite, profession: "OTHER" as const }] : []),
    ];
    if (core.length === 0)
      found.push({ message: t.chooseOne(t.coreTeam), field: `plan-core-${coreOrganisations[0]?.id ?? ""}` });
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const ok = await run(
      async () =>
        (
          await client.request(PlanMeetingDocument, {
            input: { caseId: c.caseId, plannedOn, composition, expectedVersion: c.version },
          })
        ).planMeeting,
      t.meetingPlanned,
      "meetings-title",
    );
    if (ok) {
      setPlannedOn("");
      setInvite("");
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-title">
      <h3 id="plan-title">{t.planMeeting}</h3>
      <ErrorSummary title={consent ? t.consentRefusalTitle : t.errorSummary} problems={problems}>
        {consent ? (
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
        ) : null}
      </ErrorSummary>
      <DateField
        id="plan-date"
        label={t.date}
        value={plannedOn}
        onChange={setPlannedOn}
        invalid={problems.some((p) => p.field === "plan-date")}
      />
      <fieldset>
        <legend>{t.personalParticipants}</legend>
        <div className="check">
          <input
            id="plan-client"
            type="checkbox"
            checked={withClient}
            onChange={() => {
              setWithClient(!withClient);
            }}
          />
          <label htmlFor="plan-client">
            {t.client}: {c.client.givenName} {c.client.familyName}
          </label>
        </div>
        {c.guardians.map((g) => (
          <div className="check" key={g.guardianId}>
            <input
              id={`plan-guardian-${g.guardianId}`}
              type="checkbox"
              checked={guardians.includes(g.guardianId)}
              onChange={() => {
                setGuardians(toggle(guardians, g.guardianId));
              }}
            />
            <label htmlFor={`plan-guardian-${g.guardianId}`}>
              {t.guardian}: {g.givenName} {g.familyName}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset aria-describedby="plan-core-hint">
        <legend>{t.coreTeam}</legend>
        <p id="plan-core-hint" className="hint">
          {t.coreTeamHint}
        </p>
        {coreOrganisations.map((o) => (
          <div className="check" key={o.id}>
            <input
              id={`plan-core-${o.id}`}
              type="checkbox"
              checked={core.includes(o.id)}
              onChange={() => {
                setCore(toggle(core, o.id));
              }}
            />
            <label htmlFor={`plan-core-${o.id}`}>{o.name}</label>
          </div>
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

function RecordHeldForm({
  c,
  meeting,
  reload,
}: {
  c: CaseDetail;
  meeting: CaseDetail["meetings"][number];
  reload: () => Promise<void>;
}) {
  const { t, label } = useI18n();
  const { problems, setProblems, busy, run } = useMutationForm(reload);
  const [open, setOpen] = useState(false);
  const [heldOn, setHeldOn] = useState<string>(meeting.plannedOn);
  const [attended, setAttended] = useState<string[]>(meeting.participants.map((p) => p.participantId));
  const id = `held-${meeting.meetingId}`;
  if (!open)
    return (
      <button
        type="button"
        aria-expanded="false"
        aria-controls={id}
        onClick={() => {
          setOpen(true);
        }}
      >
        {t.recordHeld}
      </button>
    );
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
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
    <form id={id} className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t.recordHeld}>
      <ErrorSummary title={t.errorSummary} problems={problems} />
      <DateField
        id={`${id}-date`}
        label={t.heldOn}
        value={heldOn}
        onChange={setHeldOn}
        invalid={problems.some((p) => p.field === `${id}-date`)}
        autoFocus
      />
      <fieldset>
        <legend>{t.attended}</legend>
        {meeting.participants.map((p) => (
          <div className="check" key={p.participantId}>
            <input
              id={`${id}-${p.participantId}`}
              type="checkbox"
              checked={attended.includes(p.participantId)}
              onChange={() => {
                setAttended(
                  attended.includes(p.participantId)
                    ? attended.filter((x) => x !== p.participantId)
                    : [...attended, p.participantId],
                );
              }}
            />
            <label htmlFor={`${id}-${p.participantId}`}>
              {label(p.role)}
              {p.organisation ? `: ${p.organisation.name}` : ""}
              {p.role === "CLIENT" ? `: ${c.client.givenName} ${c.client.familyName}` : ""}
            </label>
          </div>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t.save}
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            returnFocus(id);
          }}
        >
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function WithdrawConsent({
  c,
  consentId,
  reload,
  describedBy,
}: {
  c: CaseDetail;
  consentId: string;
  reload: () => Promise<void>;
  describedBy: string;
}) {
  const { t } = useI18n();
  const { problems, setProblems, busy, run } = useMutationForm(reload);
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState("");
  const id = `withdraw-${consentId}`;
  if (!open)
    return (
      <button
        type="button"
        aria-expanded="false"
        aria-controls={id}
        aria-describedby={describedBy}
        onClick={() => {
          setOpen(true);
        }}
      >
        {t.withdraw}
      </button>
    );
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!isoDate.test(on)) {
      setProblems([{ message: t.invalidDate(t.withdrawOn), field: `${id}-date` }]);
      return;
    }
    await run(
      async () =>
        (
          await client.request(WithdrawConsentDocument, {
            input: { caseId: c.caseId, consentId, on, expectedVersion: c.version },
          })
        ).withdrawConsent,
      t.consentWithdrawn,
      "consents-title",
    );
  };
  return (
    <form id={id} className="inline-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t.withdraw}>
      <ErrorSummary title={t.errorSummary} problems={problems} />
      <DateField
        id={`${id}-date`}
        label={t.withdrawOn}
        value={on}
        onChange={setOn}
        invalid={problems.some((p) => p.field === `${id}-date`)}
        autoFocus
      />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t.withdrawConfirm}
        </button>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            returnFocus(id);
          }}
        >
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

type ConsentFormValue = VariablesOf<typeof RecordConsentDocument>["input"]["form"];

function RecordConsentForm({
  c,
  organisations,
  reload,
}: {
  c: CaseDetail;
  organisations: Organisation[];
  reload: () => Promise<void>;
}) {
  const { t, label } = useI18n();
  const { problems, setProblems, busy, run } = useMutationForm(reload);
  const [giver, setGiver] = useState<string>("CLIENT");
  const [form, setForm] = useState<ConsentFormValue>("WRITTEN");
  const [givenOn, setGivenOn] = useState("");
  const [validUntil, setValidUntil] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const givers = [
    { value: "CLIENT", text: `${t.client}: ${c.client.givenName} ${c.client.familyName}` },
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
        invalid={problems.some((p) => p.field === "consent-given")}
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
          <div className="check" key={o.id} data-depth={o.depth}>
            <input
              id={`consent-org-${o.id}`}
              type="checkbox"
              checked={chosen.includes(o.id)}
              onChange={() => {
                setChosen(chosen.includes(o.id) ? chosen.filter((x) => x !== o.id) : [...chosen, o.id]);
              }}
            />
            <label htmlFor={`consent-org-${o.id}`}>{o.name}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy}>
        {t.recordConsent}
      </button>
    </form>
  );
}

/** The case screen: everything about one case, and the daily changes to it. */
export function CaseScreen({ caseId, onSignedOut }: { caseId: string; onSignedOut: () => void }) {
  const { t, label, language } = useI18n();
  const detail = useQuery(CaseDetailDocument, { caseId }, caseId);
  const access = useQuery(CaseAccessDocument, { caseId }, caseId);
  const tree = useQuery(OrganisationTreeDocument, { language: language.toUpperCase() as "FI" | "SV" | "EN" }, language);
  const reload = async () => {
    await Promise.all([detail.reload(), access.reload()]);
  };
  const error = detail.error ?? access.error ?? tree.error;
  const c = detail.data?.case;
  const day = (d: string | null | undefined) => formatDay(d, language);

  if (error)
    return (
      <>
        <PageHeading>{t.requestFailed}</PageHeading>
        <RequestError error={error} onSignedOut={onSignedOut} />
        <p>
          <Link to="/">{t.backToCases}</Link>
        </p>
      </>
    );
  // The forms start from what the case, its organisations and the organisation tree say: all three first.
  if (!detail.data || !access.data || !tree.data) return <p>{t.loading}</p>;
  if (!c)
    return (
      <>
        <PageHeading>{t.notFound}</PageHeading>
        <p>
          <Link to="/">{t.backToCases}</Link>
        </p>
      </>
    );
  const taking = access.data.case?.organisations ?? [];
  const coreOrganisations = [...new Map(taking.map((o) => [o.organisation.id, o.organisation])).values()];
  const organisations: Organisation[] = [];
  for (const root of tree.data.organisations) {
    organisations.push({ id: root.id, name: root.name, depth: 0 });
    for (const child of root.children) {
      organisations.push({ id: child.id, name: child.name, depth: 1 });
      for (const grandchild of child.children)
        organisations.push({ id: grandchild.id, name: grandchild.name, depth: 2 });
    }
  }
  const name = `${c.client.givenName} ${c.client.familyName}`;

  return (
    <>
      <p>
        <Link to="/">{t.backToCases}</Link>
      </p>
      <PageHeading>{t.caseTitle(name)}</PageHeading>

      <Section id="client-title" title={t.client}>
        <dl className="facts">
          <dt>{t.client}</dt>
          <dd>{name}</dd>
          <dt>{t.age}</dt>
          <dd>
            {t.years(c.client.age)} ({label(c.client.ageBand.code)})
          </dd>
          <dt>{t.type}</dt>
          <dd>{label(c.type)}</dd>
          <dt>{t.status}</dt>
          <dd>{label(c.status)}</dd>
          <dt>{t.referredOn}</dt>
          <dd>{day(c.referredOn)}</dd>
          <dt>{t.decidedOn}</dt>
          <dd>{day(c.decidedOn)}</dd>
          <dt>{t.activatedOn}</dt>
          <dd>{day(c.activatedOn)}</dd>
          <dt>{t.version}</dt>
          <dd>{c.version}</dd>
        </dl>
      </Section>

      <Section id="guardians-title" title={t.guardians}>
        {c.guardians.length === 0 ? (
          <p>{t.noGuardians}</p>
        ) : (
          <ul>
            {c.guardians.map((g) => (
              <li key={g.guardianId}>
                {g.givenName} {g.familyName} — {t.hasCustody}: {g.hasCustody ? t.yes : t.no}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="organisations-title" title={t.organisations}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.organisations}</th>
              <th scope="col">{t.basis}</th>
              <th scope="col">{t.since}</th>
              <th scope="col">{t.until}</th>
            </tr>
          </thead>
          <tbody>
            {taking.map((o, i) => (
              <tr key={`${o.organisation.id}-${o.basis}-${String(i)}`}>
                <th scope="row">{o.organisation.name}</th>
                <td>{label(o.basis)}</td>
                <td>{day(o.since)}</td>
                <td>{day(o.until)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {c.existingClientships.length > 0 ? (
          <>
            <h3>{t.existingClientships}</h3>
            <ul>
              {c.existingClientships.map((x) => (
                <li key={x.organisation.id}>
                  {x.organisation.name}
                  {x.responsibleWorkerName ? ` — ${t.responsibleWorker}: ${x.responsibleWorkerName}` : ""}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </Section>

      <Section id="consents-title" title={t.consents}>
        {c.consents.length === 0 ? (
          <p>{t.noConsents}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{t.giver}</th>
                <th scope="col">{t.organisations}</th>
                <th scope="col">{t.givenOn}</th>
                <th scope="col">{t.withdrawnOn}</th>
                <th scope="col">{t.inEffect}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.withdraw}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {c.consents.map((k) => {
                const g = c.guardians.find((x) => x.guardianId === k.guardian?.guardianId);
                const rowId = `consent-${k.consentId}`;
                return (
                  <tr key={k.consentId}>
                    <th scope="row" id={rowId}>
                      {label(k.giverKind)}
                      {g ? `: ${g.givenName} ${g.familyName}` : ""}
                    </th>
                    <td>{k.organisations.map((o) => o.name).join(", ")}</td>
                    <td>{day(k.givenOn)}</td>
                    <td>{day(k.withdrawnOn)}</td>
                    <td>{k.inEffect ? t.yes : t.no}</td>
                    <td>
                      {k.withdrawnOn ? null : (
                        <WithdrawConsent c={c} consentId={k.consentId} reload={reload} describedBy={rowId} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <RecordConsentForm c={c} organisations={organisations} reload={reload} />
      </Section>

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
                <p>
                  {t.participants}:{" "}
                  {m.participants
                    .map(
                      (p) =>
                        `${label(p.role)}${p.organisation ? ` (${p.organisation.name})` : ""}${p.attended ? " ✓" : ""}`,
                    )
                    .join(", ")}
                </p>
                {m.status === "PLANNED" ? <RecordHeldForm c={c} meeting={m} reload={reload} /> : null}
              </li>
            ))}
          </ul>
        )}
        <PlanMeetingForm c={c} coreOrganisations={coreOrganisations} organisations={organisations} reload={reload} />
      </Section>

      <Section id="referrals-title" title={t.referrals}>
        {c.referrals.length === 0 ? (
          <p>{t.noReferrals}</p>
        ) : (
          <ul>
            {c.referrals.map((r) => (
              <li key={r.referralId}>
                {label(r.service)} — {r.organisation.name}: {label(r.status)} ({t.madeOn} {day(r.madeOn)})
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="violations-title" title={t.violations}>
        {c.violations.length === 0 ? (
          <p>{t.noViolations}</p>
        ) : (
          <ul>
            {c.violations.map((v, i) => (
              <li key={`${v.code}-${String(i)}`}>
                <strong>{label(v.severity)}</strong>: {v.message} <span className="muted">({v.code})</span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}

import { CaseListDocument } from "@ankkuri/client/operations";
import type { VariablesOf } from "@graphql-typed-document-node/core";
import { type SyntheticEvent, useState } from "react";
import { formatDay, Link, PageHeading, RequestError, useQuery } from "./common.js";
import { useI18n } from "./i18n.js";
import { useViewer } from "./viewer.js";

type Filter = NonNullable<VariablesOf<typeof CaseListDocument>["filter"]>;
type CaseStatus = NonNullable<Filter["statuses"]>[number];
type CaseType = NonNullable<Filter["types"]>[number];
type AgeBandCode = NonNullable<Filter["ageBand"]>;

const statuses: CaseStatus[] = ["REFERRED", "IN_SELECTION", "ADMITTED", "ACTIVE", "CLOSED", "DECLINED"];
const types: CaseType[] = ["YOUTH_CRIME", "DOMESTIC_VIOLENCE", "MULTI_PROFESSIONAL"];
const ageBands: AgeBandCode[] = ["UNDER_15", "FROM_15_TO_17", "FROM_18"];
const pageSize = 10;

interface FormState {
  status: string;
  type: string;
  ageBand: string;
  referredFrom: string;
  referredTo: string;
  /** The viewer's own staff member id for "my cases", or "" for every case they see. */
  assignedTo: string;
}
const empty: FormState = { status: "", type: "", ageBand: "", referredFrom: "", referredTo: "", assignedTo: "" };

function filterOf(form: FormState): Filter {
  return {
    ...(form.status ? { statuses: [form.status as CaseStatus] } : {}),
    ...(form.type ? { types: [form.type as CaseType] } : {}),
    ...(form.ageBand ? { ageBand: form.ageBand as AgeBandCode } : {}),
    ...(form.referredFrom ? { referredFrom: form.referredFrom } : {}),
    ...(form.referredTo ? { referredTo: form.referredTo } : {}),
    ...(form.assignedTo ? { assignedTo: form.assignedTo } : {}),
  };
}

/** The case list: filters, a table of one page, and paging by cursor (Relay). */
export function CaseList({ onSignedOut }: { onSignedOut: () => void }) {
  const { t, label, language } = useI18n();
  const [form, setForm] = useState<FormState>(empty);
  const [applied, setApplied] = useState<FormState>(empty);
  // The cursors of the pages before this one: "previous" pops, "next" pushes.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1] ?? null;
  const variables = { first: pageSize, after, filter: filterOf(applied) };
  const { data, error, loading } = useQuery(CaseListDocument, variables, JSON.stringify(variables));
  const cases = data?.cases;
  const own = useViewer().data?.viewer.staffMemberId;
  const field = (name: keyof FormState) => ({
    id: `filter-${name}`,
    value: form[name],
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      setForm((current) => ({ ...current, [name]: value }));
    },
  });
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setApplied(form);
    setCursors([null]);
  };

  return (
    <>
      <PageHeading>{t.cases}</PageHeading>
      <form className="filters" onSubmit={submit} aria-labelledby="filters-title">
        <h2 id="filters-title">{t.filters}</h2>
        <div className="filter-fields">
          <div className="field">
            <label htmlFor="filter-status">{t.status}</label>
            <select {...field("status")}>
              <option value="">{t.anyValue}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-type">{t.type}</label>
            <select {...field("type")}>
              <option value="">{t.anyValue}</option>
              {types.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-ageBand">{t.ageBand}</label>
            <select {...field("ageBand")}>
              <option value="">{t.anyValue}</option>
              {ageBands.map((s) => (
                <option key={s} value={s}>
                  {label(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-referredFrom">{t.referredFrom}</label>
            <input type="date" {...field("referredFrom")} />
          </div>
          <div className="field">
            <label htmlFor="filter-referredTo">{t.referredTo}</label>
            <input type="date" {...field("referredTo")} />
          </div>
          {own ? (
            <div className="check">
              <input
                id="filter-assignedTo"
                type="checkbox"
                checked={form.assignedTo === own}
                onChange={(event) => {
                  const assignedTo = event.target.checked ? own : "";
                  setForm((current) => ({ ...current, assignedTo }));
                }}
              />
              <label htmlFor="filter-assignedTo">{t.myCases}</label>
            </div>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            {t.applyFilters}
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(empty);
              setApplied(empty);
              setCursors([null]);
            }}
          >
            {t.clearFilters}
          </button>
        </div>
      </form>

      {error ? <RequestError error={error} onSignedOut={onSignedOut} /> : null}
      <section aria-labelledby="results-title" aria-busy={loading}>
        <h2 id="results-title">{cases ? t.caseCount(cases.totalCount, cases.totalCountIsCapped) : t.loading}</h2>
        {cases?.nodes.length === 0 ? <p>{t.noCases}</p> : null}
        {cases && cases.nodes.length > 0 ? (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t.caseListCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.client}</th>
                  <th scope="col">{t.type}</th>
                  <th scope="col">{t.status}</th>
                  <th scope="col">{t.referredOn}</th>
                  <th scope="col">{t.nextMeeting}</th>
                  <th scope="col">{t.organisations}</th>
                </tr>
              </thead>
              <tbody>
                {cases.nodes.map((c) => (
                  <tr key={c.caseId}>
                    <th scope="row">
                      <Link to={`/cases/${c.caseId}`}>
                        {c.client.givenName} {c.client.familyName}
                      </Link>{" "}
                      <span className="muted">({t.years(c.client.age)})</span>
                    </th>
                    <td>{label(c.type)}</td>
                    <td>{label(c.status)}</td>
                    <td>{formatDay(c.referredOn, language)}</td>
                    <td>{c.nextMeeting ? formatDay(c.nextMeeting.plannedOn, language) : t.none}</td>
                    <td>{[...new Set(c.organisations.map((o) => o.organisation.name))].join(", ") || t.none}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <nav className="paging" aria-label={t.paging}>
          <button
            type="button"
            disabled={cursors.length <= 1}
            onClick={() => {
              setCursors(cursors.slice(0, -1));
            }}
          >
            {t.previousPage}
          </button>
          <span>{t.pageOf(cursors.length)}</span>
          <button
            type="button"
            disabled={!cases?.pageInfo.hasNextPage}
            onClick={() => {
              if (cases?.pageInfo.endCursor) setCursors([...cursors, cases.pageInfo.endCursor]);
            }}
          >
            {t.nextPage}
          </button>
        </nav>
      </section>
    </>
  );
}

import { AssignCaseWorkerDocument, CaseloadsDocument } from "@ankkuri/client/operations";
import type { VariablesOf } from "@graphql-typed-document-node/core";
import { type SyntheticEvent, useState } from "react";
import { client } from "../api.js";
import { ErrorSummary, isoDate, type Problem, today, useQuery } from "../common.js";
import { useI18n } from "../i18n.js";
import type { CaseProps } from "./case-data.js";
import { DateField } from "./fields.js";
import { useMutationForm } from "./use-mutation-form.js";

type Role = VariablesOf<typeof AssignCaseWorkerDocument>["input"]["role"];

/**
 * Assigns one of the team's workers (the supervisor's caseload list, by name) to the case as its lead
 * or a pair worker from a day. The gateway refuses, in words, a worker whose organisation takes no part.
 */
export function AssignWorkerForm({ c, reload, hasLead }: CaseProps & { hasLead: boolean }) {
  const { t, label } = useI18n();
  const { problems, setProblems, busy, run, invalid } = useMutationForm(reload);
  const staff = useQuery(CaseloadsDocument, { on: today() }, "caseloads");
  const [staffMemberId, setStaffMemberId] = useState("");
  const [role, setRole] = useState<Role>(hasLead ? "PAIR_WORKER" : "LEAD_WORKER");
  const [on, setOn] = useState(today);
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    if (!staffMemberId) found.push({ message: t.chooseWorker, field: "assign-worker" });
    if (!isoDate.test(on)) found.push({ message: t.invalidDate(t.firstDay), field: "assign-on" });
    if (found.length > 0) {
      setProblems(found);
      return;
    }
    const ok = await run(
      async () =>
        (await client.request(AssignCaseWorkerDocument, { input: { caseId: c.caseId, staffMemberId, role, on } }))
          .assignCaseWorker,
      t.workerAssigned,
      "workers-title",
    );
    if (ok) setStaffMemberId("");
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="assign-title">
      <h3 id="assign-title">{t.assignWorker}</h3>
      <ErrorSummary title={t.errorSummary} problems={problems} />
      <div className="field">
        <label htmlFor="assign-worker">{t.worker}</label>
        <select
          id="assign-worker"
          value={staffMemberId}
          aria-invalid={invalid("assign-worker") || undefined}
          onChange={(event) => {
            setStaffMemberId(event.target.value);
          }}
        >
          <option value="">{t.chooseWorker}</option>
          {(staff.data?.caseloads ?? []).map((s) => (
            <option key={s.staffMemberId} value={s.staffMemberId}>
              {s.name} ({label(s.profession)}, {s.organisation.name})
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t.workerRole}</legend>
        {(["LEAD_WORKER", "PAIR_WORKER"] as const).map((r) => (
          <div className="check" key={r}>
            <input
              type="radio"
              name="assign-role"
              id={`assign-role-${r}`}
              checked={role === r}
              onChange={() => {
                setRole(r);
              }}
            />
            <label htmlFor={`assign-role-${r}`}>{label(r)}</label>
          </div>
        ))}
      </fieldset>
      <DateField id="assign-on" label={t.firstDay} value={on} onChange={setOn} invalid={invalid("assign-on")} />
      <button type="submit" className="primary" disabled={busy}>
        {t.assignWorker}
      </button>
    </form>
  );
}

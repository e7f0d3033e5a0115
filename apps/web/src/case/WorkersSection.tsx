import type { CaseWorkersDocument } from "@ankkuri/client/operations";
import type { ResultOf } from "@graphql-typed-document-node/core";
import { useI18n } from "../i18n.js";
import { AssignWorkerForm } from "./AssignWorkerForm.js";
import type { CaseProps } from "./case-data.js";
import { Section, useDay } from "./fields.js";
import { UnassignWorkerForm } from "./UnassignWorkerForm.js";

export type Assignment = NonNullable<ResultOf<typeof CaseWorkersDocument>["case"]>["assignedWorkers"][number];

/** The case's lead and pair workers in force today; the supervisor assigns and unassigns them here. */
export function WorkersSection({
  c,
  workers,
  reload,
  canAssign,
}: CaseProps & { workers: Assignment[]; canAssign: boolean }) {
  const { t, label } = useI18n();
  const day = useDay();
  // The lead worker first, then the pair workers by name.
  const shown = [...workers].sort(
    (a, b) =>
      (a.role === "LEAD_WORKER" ? 0 : 1) - (b.role === "LEAD_WORKER" ? 0 : 1) ||
      a.staffMember.familyName.localeCompare(b.staffMember.familyName),
  );
  return (
    <Section id="workers-title" title={t.workers}>
      {shown.length === 0 ? (
        <p>{t.noWorkers}</p>
      ) : (
        <ul className="workers">
          {shown.map((w) => {
            const rowId = `worker-${w.assignmentId}`;
            return (
              <li key={w.assignmentId}>
                <p id={rowId}>
                  <strong>{label(w.role)}</strong>: {w.staffMember.givenName} {w.staffMember.familyName} (
                  {label(w.staffMember.profession)}, {w.staffMember.organisation.name}), {t.since.toLowerCase()}{" "}
                  {day(w.assignedOn)}
                </p>
                {canAssign ? <UnassignWorkerForm c={c} assignment={w} reload={reload} describedBy={rowId} /> : null}
              </li>
            );
          })}
        </ul>
      )}
      {canAssign ? (
        <AssignWorkerForm c={c} reload={reload} hasLead={workers.some((w) => w.role === "LEAD_WORKER")} />
      ) : null}
    </Section>
  );
}

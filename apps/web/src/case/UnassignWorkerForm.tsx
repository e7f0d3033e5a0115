import { UnassignCaseWorkerDocument } from "@ankkuri/client/operations";
import { client } from "../api.js";
import { today } from "../common.js";
import { useI18n } from "../i18n.js";
import type { CaseProps } from "./case-data.js";
import { OneDayForm } from "./OneDayForm.js";
import type { Assignment } from "./WorkersSection.js";

/** Ends a worker's assignment from a day (today unless changed); the button is described by the row. */
export function UnassignWorkerForm({
  c,
  assignment,
  reload,
  describedBy,
}: CaseProps & { assignment: Assignment; describedBy: string }) {
  const { t } = useI18n();
  return (
    <OneDayForm
      id={`unassign-${assignment.assignmentId}`}
      title={t.unassign}
      submitText={t.unassignConfirm}
      dateLabel={t.unassignOn}
      describedBy={describedBy}
      initial={today()}
      reload={reload}
      save={async (on) =>
        (
          await client.request(UnassignCaseWorkerDocument, {
            input: { caseId: c.caseId, staffMemberId: assignment.staffMember.id, on },
          })
        ).unassignCaseWorker
      }
      success={t.workerUnassigned}
      focusAfter="workers-title"
    />
  );
}

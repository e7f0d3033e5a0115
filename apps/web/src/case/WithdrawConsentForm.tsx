import { WithdrawConsentDocument } from "@ankkuri/client/operations";
import { useState } from "react";
import { client } from "../api.js";
import { isoDate } from "../common.js";
import { useI18n } from "../i18n.js";
import type { CaseProps } from "./case-data.js";
import { DateField } from "./fields.js";
import { InlineForm } from "./inline-form.js";
import { useMutationForm } from "./use-mutation-form.js";

/** Withdraws a consent from a day; the button is described by the consent's row. */
export function WithdrawConsentForm({
  c,
  consentId,
  reload,
  describedBy,
}: CaseProps & { consentId: string; describedBy: string }) {
  const { t } = useI18n();
  const { problems, setProblems, busy, run, invalid } = useMutationForm(reload);
  const [open, setOpen] = useState(false);
  const [on, setOn] = useState("");
  const id = `withdraw-${consentId}`;
  const submit = async () => {
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
    <InlineForm
      id={id}
      open={open}
      setOpen={setOpen}
      title={t.withdraw}
      submitText={t.withdrawConfirm}
      describedBy={describedBy}
      problems={problems}
      busy={busy}
      onSubmit={submit}
    >
      <DateField
        id={`${id}-date`}
        label={t.withdrawOn}
        value={on}
        onChange={setOn}
        invalid={invalid(`${id}-date`)}
        autoFocus
      />
    </InlineForm>
  );
}

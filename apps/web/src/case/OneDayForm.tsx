import { useState } from "react";
import { isoDate } from "../common.js";
import { useI18n } from "../i18n.js";
import { DateField } from "./fields.js";
import { InlineForm, useInlineForm } from "./inline-form.js";
import type { Payload } from "./problems.js";

/** An inline form that asks for one day and saves it (withdrawing a consent, ending an assignment). */
export function OneDayForm({
  id,
  title,
  submitText,
  dateLabel,
  describedBy,
  initial = "",
  reload,
  save,
  success,
  focusAfter,
}: {
  id: string;
  title: string;
  submitText: string;
  dateLabel: string;
  describedBy: string;
  initial?: string;
  reload: () => Promise<void>;
  save: (on: string) => Promise<Payload>;
  /** Announced after a success; `focusAfter` is the heading that takes the focus then. */
  success: string;
  focusAfter: string;
}) {
  const { t } = useI18n();
  const form = useInlineForm(reload);
  const { setProblems, run, invalid } = form;
  const [on, setOn] = useState(initial);
  const submit = async () => {
    if (!isoDate.test(on)) {
      setProblems([{ message: t.invalidDate(dateLabel), field: `${id}-date` }]);
      return;
    }
    await run(() => save(on), success, focusAfter);
  };
  return (
    <InlineForm id={id} form={form} title={title} submitText={submitText} describedBy={describedBy} onSubmit={submit}>
      <DateField
        id={`${id}-date`}
        label={dateLabel}
        value={on}
        onChange={setOn}
        invalid={invalid(`${id}-date`)}
        autoFocus
      />
    </InlineForm>
  );
}

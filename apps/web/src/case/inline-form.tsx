import { type ReactNode, type SyntheticEvent, useState } from "react";
import { ErrorSummary } from "../common.js";
import { useI18n } from "../i18n.js";
import { useMutationForm } from "./use-mutation-form.js";

/** After an inline form closes, the focus goes back to the button that opened it. */
function returnFocus(formId: string): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLButtonElement>(`button[aria-controls="${formId}"]`)?.focus();
  });
}

/** A mutation form that opens in place: its problems, its run, and whether it is open. */
export function useInlineForm(reload: () => Promise<void>) {
  const [open, setOpen] = useState(false);
  return { ...useMutationForm(reload), open, setOpen };
}
type InlineFormState = ReturnType<typeof useInlineForm>;

/**
 * A small form opened in place by a disclosure button (`aria-expanded`): closed, the button; open, the
 * form with its error summary, a submit button and a cancel that gives the focus back to the button.
 */
export function InlineForm({
  id,
  form,
  title,
  submitText,
  describedBy,
  onSubmit,
  children,
}: {
  id: string;
  form: InlineFormState;
  /** The button's text and the form's name. */
  title: string;
  submitText: string;
  describedBy?: string;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { open, setOpen, problems, busy } = form;
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
        {title}
      </button>
    );
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <form id={id} className="inline-form" onSubmit={submit} noValidate aria-label={title}>
      <ErrorSummary title={t.errorSummary} problems={problems} />
      {children}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitText}
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

import type { ReactNode, SyntheticEvent } from "react";
import { ErrorSummary, type Problem } from "../common.js";
import { useI18n } from "../i18n.js";

/** After an inline form closes, the focus goes back to the button that opened it. */
function returnFocus(formId: string): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLButtonElement>(`button[aria-controls="${formId}"]`)?.focus();
  });
}

/**
 * A small form opened in place by a disclosure button (`aria-expanded`): closed, the button; open, the
 * form with its error summary, a submit button and a cancel that gives the focus back to the button.
 */
export function InlineForm({
  id,
  open,
  setOpen,
  title,
  submitText,
  describedBy,
  problems,
  busy,
  onSubmit,
  children,
}: {
  id: string;
  open: boolean;
  setOpen: (open: boolean) => void;
  /** The button's text and the form's name. */
  title: string;
  submitText: string;
  describedBy?: string;
  problems: Problem[];
  busy: boolean;
  onSubmit: () => Promise<void>;
  children: ReactNode;
}) {
  const { t } = useI18n();
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

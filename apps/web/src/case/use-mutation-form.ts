import { useState } from "react";
import { useAnnounce } from "../App.js";
import type { Problem } from "../common.js";
import { useI18n } from "../i18n.js";
import { type Payload, problemsOf } from "./problems.js";

/** Runs a mutation and turns its union into problems; success reloads the case and announces it. */
export function useMutationForm(reload: () => Promise<void>) {
  const { t } = useI18n();
  const announce = useAnnounce();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  /** `focusAfter`: the heading that takes the focus after a success (the form may be gone by then). */
  const run = async (call: () => Promise<Payload>, success: string, focusAfter: string): Promise<boolean> => {
    setBusy(true);
    const focusedBefore = document.activeElement;
    try {
      const payload = await call();
      const found = problemsOf(payload, t);
      if (found.conflict) await reload();
      setConsent(found.consent);
      setProblems(found.problems);
      if (found.problems.length === 0) {
        // The case is read again before the focus moves and the result is announced. The focus moves
        // only if it is still where the user left it (or was lost with the form): the parts of the case
        // arrive one by one, and a user quick enough may already be in the next form.
        await reload();
        const active = document.activeElement;
        if (active === focusedBefore || active === null || active === document.body)
          document.getElementById(focusAfter)?.focus();
        announce(success);
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
  /** Whether the last attempt found a problem with the field `id` (for `aria-invalid`). */
  const invalid = (id: string) => problems.some((p) => p.field === id);
  return { problems, setProblems, consent, busy, run, invalid };
}

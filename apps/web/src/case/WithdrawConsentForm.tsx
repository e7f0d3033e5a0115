import { WithdrawConsentDocument } from "@ankkuri/client/operations";
import { client } from "../api.js";
import { useI18n } from "../i18n.js";
import type { CaseProps } from "./case-data.js";
import { OneDayForm } from "./OneDayForm.js";

/** Withdraws a consent from a day; the button is described by the consent's row. */
export function WithdrawConsentForm({
  c,
  consentId,
  reload,
  describedBy,
}: CaseProps & { consentId: string; describedBy: string }) {
  const { t } = useI18n();
  return (
    <OneDayForm
      id={`withdraw-${consentId}`}
      title={t.withdraw}
      submitText={t.withdrawConfirm}
      dateLabel={t.withdrawOn}
      describedBy={describedBy}
      reload={reload}
      save={async (on) =>
        (
          await client.request(WithdrawConsentDocument, {
            input: { caseId: c.caseId, consentId, on, expectedVersion: c.version },
          })
        ).withdrawConsent
      }
      success={t.consentWithdrawn}
      focusAfter="consents-title"
    />
  );
}

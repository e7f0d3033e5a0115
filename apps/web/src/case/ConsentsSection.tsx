import { useI18n } from "../i18n.js";
import type { CaseProps, OrganisationChoices } from "./case-data.js";
import { Section, useDay } from "./fields.js";
import { RecordConsentForm } from "./RecordConsentForm.js";
import { WithdrawConsentForm } from "./WithdrawConsentForm.js";

/** The case's consents, each withdrawable while in force, and the form to record one. */
export function ConsentsSection({ c, organisations, reload }: CaseProps & Pick<OrganisationChoices, "organisations">) {
  const { t, label } = useI18n();
  const day = useDay();
  return (
    <Section id="consents-title" title={t.consents}>
      {c.consents.length === 0 ? (
        <p>{t.noConsents}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.giver}</th>
              <th scope="col">{t.organisations}</th>
              <th scope="col">{t.givenOn}</th>
              <th scope="col">{t.withdrawnOn}</th>
              <th scope="col">{t.inEffect}</th>
              <th scope="col">
                <span className="visually-hidden">{t.withdraw}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {c.consents.map((k) => {
              const g = c.guardians.find((x) => x.guardianId === k.guardian?.guardianId);
              const rowId = `consent-${k.consentId}`;
              return (
                <tr key={k.consentId}>
                  <th scope="row" id={rowId}>
                    {label(k.giverKind)}
                    {g ? `: ${g.givenName} ${g.familyName}` : ""}
                  </th>
                  <td>{k.organisations.map((o) => o.name).join(", ")}</td>
                  <td>{day(k.givenOn)}</td>
                  <td>{day(k.withdrawnOn)}</td>
                  <td>{k.inEffect ? t.yes : t.no}</td>
                  <td>
                    {k.withdrawnOn ? null : (
                      <WithdrawConsentForm c={c} consentId={k.consentId} reload={reload} describedBy={rowId} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <RecordConsentForm c={c} organisations={organisations} reload={reload} />
    </Section>
  );
}

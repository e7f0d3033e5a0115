import { useI18n } from "../i18n.js";
import type { CaseDetail } from "./case-data.js";
import { Section, useDay } from "./fields.js";

/** The case's referrals to services and their status. */
export function ReferralsSection({ c }: { c: CaseDetail }) {
  const { t, label } = useI18n();
  const day = useDay();
  return (
    <Section id="referrals-title" title={t.referrals}>
      {c.referrals.length === 0 ? (
        <p>{t.noReferrals}</p>
      ) : (
        <ul>
          {c.referrals.map((r) => (
            <li key={r.referralId}>
              {label(r.service)} — {r.organisation.name}: {label(r.status)} ({t.madeOn} {day(r.madeOn)})
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** What the agreement's rules find in the case, with their severity. */
export function ViolationsSection({ c }: { c: CaseDetail }) {
  const { t, label } = useI18n();
  return (
    <Section id="violations-title" title={t.violations}>
      {c.violations.length === 0 ? (
        <p>{t.noViolations}</p>
      ) : (
        <ul>
          {c.violations.map((v, i) => (
            <li key={`${v.code}-${String(i)}`}>
              <strong>{label(v.severity)}</strong>: {v.message} <span className="muted">({v.code})</span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

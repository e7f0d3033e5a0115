import { useI18n } from "../i18n.js";
import { type CaseDetail, clientName } from "./case-data.js";
import { Section, useDay } from "./fields.js";

/** The client and the case's facts: age, type, status, its days and version. */
export function ClientSection({ c }: { c: CaseDetail }) {
  const { t, label } = useI18n();
  const day = useDay();
  return (
    <Section id="client-title" title={t.client}>
      <dl className="facts">
        <dt>{t.client}</dt>
        <dd>{clientName(c)}</dd>
        <dt>{t.age}</dt>
        <dd>
          {t.years(c.client.age)} ({label(c.client.ageBand.code)})
        </dd>
        <dt>{t.type}</dt>
        <dd>{label(c.type)}</dd>
        <dt>{t.status}</dt>
        <dd>{label(c.status)}</dd>
        <dt>{t.referredOn}</dt>
        <dd>{day(c.referredOn)}</dd>
        <dt>{t.decidedOn}</dt>
        <dd>{day(c.decidedOn)}</dd>
        <dt>{t.activatedOn}</dt>
        <dd>{day(c.activatedOn)}</dd>
        <dt>{t.version}</dt>
        <dd>{c.version}</dd>
      </dl>
    </Section>
  );
}

/** The client's guardians and whether each has custody. */
export function GuardiansSection({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  return (
    <Section id="guardians-title" title={t.guardians}>
      {c.guardians.length === 0 ? (
        <p>{t.noGuardians}</p>
      ) : (
        <ul>
          {c.guardians.map((g) => (
            <li key={g.guardianId}>
              {g.givenName} {g.familyName} — {t.hasCustody}: {g.hasCustody ? t.yes : t.no}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

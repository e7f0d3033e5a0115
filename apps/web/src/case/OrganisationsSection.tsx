import { useI18n } from "../i18n.js";
import type { CaseDetail, TakingPart } from "./case-data.js";
import { Section, useDay } from "./fields.js";

/** The organisations taking part and their access bases, and the client's existing clientships. */
export function OrganisationsSection({ c, taking }: { c: CaseDetail; taking: TakingPart }) {
  const { t, label } = useI18n();
  const day = useDay();
  return (
    <Section id="organisations-title" title={t.organisations}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.organisations}</th>
            <th scope="col">{t.basis}</th>
            <th scope="col">{t.since}</th>
            <th scope="col">{t.until}</th>
          </tr>
        </thead>
        <tbody>
          {taking.map((o, i) => (
            <tr key={`${o.organisation.id}-${o.basis}-${String(i)}`}>
              <th scope="row">{o.organisation.name}</th>
              <td>{label(o.basis)}</td>
              <td>{day(o.since)}</td>
              <td>{day(o.until)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {c.existingClientships.length > 0 ? (
        <>
          <h3>{t.existingClientships}</h3>
          <ul>
            {c.existingClientships.map((x) => (
              <li key={x.organisation.id}>
                {x.organisation.name}
                {x.responsibleWorkerName ? ` — ${t.responsibleWorker}: ${x.responsibleWorkerName}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

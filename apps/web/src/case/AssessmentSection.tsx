import { useI18n } from "../i18n.js";
import type { CaseAssessment } from "./case-data.js";
import { Section, useDay } from "./fields.js";

/**
 * The case's latest assessment (day, causes, the organisations needed, the reader's own organisation's
 * summary) and its open goals. The gateway answers null and no goals to a reader present under consent
 * alone, exactly as for a case without an assessment: both read as none visible, not as an error.
 */
export function AssessmentSection({ assessment }: { assessment: CaseAssessment | null }) {
  const { t } = useI18n();
  const day = useDay();
  const latest = assessment?.latestAssessment ?? null;
  const goals = assessment?.openGoals ?? [];
  if (!latest && goals.length === 0)
    return (
      <Section id="assessment-title" title={t.assessment}>
        <p>{t.noAssessment}</p>
      </Section>
    );
  return (
    <Section id="assessment-title" title={t.assessment}>
      {latest ? (
        <>
          <h3>{t.latestAssessment}</h3>
          <dl className="facts">
            <dt>{t.assessedOn}</dt>
            <dd>{day(latest.assessedOn)}</dd>
            <dt>{t.assessedBy}</dt>
            <dd>{latest.organisation.name}</dd>
            <dt>{t.causes}</dt>
            <dd>
              <NameList names={latest.causeNames} />
            </dd>
            <dt>{t.neededOrganisations}</dt>
            <dd>
              <NameList names={latest.neededOrganisations.map((o) => o.name)} />
            </dd>
            {latest.summary ? (
              <>
                <dt>{t.ownSummary}</dt>
                <dd className="free-text">{latest.summary}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : null}
      <h3 id="open-goals-title">{t.openGoals}</h3>
      {goals.length === 0 ? (
        <p>{t.noOpenGoals}</p>
      ) : (
        <div className="table-wrap">
          <table aria-labelledby="open-goals-title">
            <thead>
              <tr>
                <th scope="col">{t.goal}</th>
                <th scope="col">{t.goalOwner}</th>
                <th scope="col">{t.dueOn}</th>
                <th scope="col">{t.status}</th>
              </tr>
            </thead>
            <tbody>
              {goals.map((g) => (
                <tr key={g.goalId}>
                  <th scope="row">{g.description}</th>
                  <td>{g.ownerName || t.none}</td>
                  <td>{day(g.dueOn)}</td>
                  {/* Overdue in words (and a mark), not by colour alone. */}
                  <td>
                    {g.overdue ? (
                      <strong className="overdue">
                        <span aria-hidden="true">⚠ </span>
                        {t.overdue}
                      </strong>
                    ) : (
                      t.goalOpen
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

/** Names as a list, or "–" for none. */
function NameList({ names }: { names: readonly string[] }) {
  const { t } = useI18n();
  if (names.length === 0) return <>{t.none}</>;
  return (
    <ul>
      {names.map((name, i) => (
        <li key={`${name}-${String(i)}`}>{name}</li>
      ))}
    </ul>
  );
}

import { useI18n } from "../i18n.js";

export interface Warning {
  code: string;
  message: string;
}

/**
 * What a plan was accepted with but needs attention (a booked room, a double-booked worker), in the
 * gateway's words in the user's language. The live region is always there, so that what appears in
 * it is read out.
 */
export function MeetingWarnings({ warnings }: { warnings: Warning[] }) {
  const { t } = useI18n();
  return (
    <div aria-live="assertive" aria-atomic="true">
      {warnings.length > 0 ? (
        <div className="notice warning" aria-labelledby="plan-warnings-title">
          <h3 id="plan-warnings-title">{t.warningsTitle}</h3>
          <ul>
            {warnings.map((w, i) => (
              <li key={`${w.code}-${String(i)}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

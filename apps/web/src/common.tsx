import { AnkkuriRequestError } from "@ankkuri/client";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type ReactNode, type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { client } from "./api.js";
import { useI18n } from "./i18n.js";
import { href, navigate } from "./router.js";

/** One query's state: data, the request-level error, and a reload. */
export function useQuery<R, V>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  key: string,
): { data: R | null; error: AnkkuriRequestError | Error | null; loading: boolean; reload: () => Promise<void> } {
  const [state, setState] = useState<{ data: R | null; error: Error | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true,
  });
  const vars = useRef(variables);
  vars.current = variables;
  const reload = useCallback(async () => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await client.request(document, vars.current);
      setState({ data, error: null, loading: false });
    } catch (error) {
      setState({ data: null, error: error as Error, loading: false });
    }
  }, [document]);
  useEffect(() => {
    void reload();
  }, [reload, key]);
  return { ...state, reload };
}

/** A link inside the app that navigates without reloading the page. */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={href(to)}
      className={className}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** The page's heading; takes the focus when the page opens, so a screen reader starts there. */
export function PageHeading({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

/** A problem the error summary lists: its text and the field it links to. */
export interface Problem {
  message: string;
  field?: string;
}

/**
 * The error summary (WCAG 3.3.1, 3.3.3): a titled box listing every problem with a link to its field;
 * it takes the focus when it appears so the user hears what went wrong.
 */
export function ErrorSummary({
  title,
  problems,
  children,
  summaryRef,
}: {
  title: string;
  problems: Problem[];
  children?: ReactNode;
  summaryRef?: RefObject<HTMLDivElement | null>;
}) {
  const own = useRef<HTMLDivElement>(null);
  const ref = summaryRef ?? own;
  useEffect(() => {
    ref.current?.focus();
  }, [problems, ref]);
  if (problems.length === 0) return null;
  const id = `summary-${title.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <div className="error-summary" role="alert" aria-labelledby={id} tabIndex={-1} ref={ref}>
      <h3 id={id}>{title}</h3>
      {children}
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            {p.field ? (
              <a
                href={`#${p.field}`}
                onClick={(event) => {
                  event.preventDefault();
                  document.getElementById(p.field ?? "")?.focus();
                }}
              >
                {p.message}
              </a>
            ) : (
              p.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A request-level failure, in words; a token the gateway no longer takes ends the session. */
export function RequestError({ error, onSignedOut }: { error: Error; onSignedOut?: () => void }) {
  const { t } = useI18n();
  const code = error instanceof AnkkuriRequestError ? error.code : null;
  const expired = code === "UNAUTHENTICATED" || code === "TOKEN_EXPIRED" || code === "TOKEN_INVALID";
  useEffect(() => {
    if (expired) onSignedOut?.();
  }, [expired, onSignedOut]);
  return (
    <div className="notice error" role="alert">
      <p>
        <strong>{t.requestFailed}</strong>: {expired ? t.sessionExpired : error.message}
        {code ? ` (${code})` : ""}
      </p>
    </div>
  );
}

export const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Helsinki as YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(new Date());
}

/** A day in the language's own format. */
export function formatDay(day: string | null | undefined, language: string): string {
  if (!day) return "–";
  const [y, m, d] = day.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return day;
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : language, {
    dateStyle: "medium",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

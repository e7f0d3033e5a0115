import type { ReactNode } from "react";
import { formatDay } from "../common.js";
import { useI18n } from "../i18n.js";

/** A part of the case screen: a region named by its heading, which can take the focus. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function DateField({
  id,
  label,
  value,
  onChange,
  invalid,
  autoFocus = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  invalid: boolean;
  /** For a form the user just opened: the focus goes to its first field. */
  autoFocus?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value}
        required
        autoFocus={autoFocus}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
    </div>
  );
}

/** The list with `id` added, or without it if it was there. */
export function toggled<T extends string>(list: readonly T[], id: T): T[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

/** One checkbox of a set of chosen ids, with its label. */
export function Check({
  id,
  checked,
  onToggle,
  depth,
  children,
}: {
  id: string;
  checked: boolean;
  onToggle: () => void;
  depth?: number;
  children: ReactNode;
}) {
  return (
    <div className="check" data-depth={depth}>
      <input id={id} type="checkbox" checked={checked} onChange={onToggle} />
      <label htmlFor={id}>{children}</label>
    </div>
  );
}

/** Formats a day in the UI's language ("–" for none). */
export function useDay(): (day: string | null | undefined) => string {
  const { language } = useI18n();
  return (day) => formatDay(day, language);
}

import { TeamPremisesDocument } from "@ankkuri/client/operations";
import { useQuery } from "../common.js";
import { useI18n } from "../i18n.js";

/** What the user typed for a meeting's time and place: strings, as the fields hold them. */
export interface PlaceAndTime {
  startTime: string;
  durationMinutes: string;
  /** A premises id, "other" for a place in words, or "" for none yet. */
  premises: string;
  description: string;
}
export const noPlaceAndTime: PlaceAndTime = { startTime: "", durationMinutes: "60", premises: "", description: "" };

const clockTime = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The logistics of the plan, checked as the gateway will (a time HH:MM, 5–480 minutes ending on the
 * day, a place): none when neither a time nor a place is given; the fields at fault otherwise.
 */
export function logisticsOf(value: PlaceAndTime): {
  input: { startTime: string; durationMinutes: number; place: { premisesId: string } | { description: string } } | null;
  faults: ("time" | "duration" | "place")[];
} {
  const description = value.description.trim();
  const place =
    value.premises === "other"
      ? description
        ? { description }
        : null
      : value.premises
        ? { premisesId: value.premises }
        : null;
  if (!value.startTime && !value.premises) return { input: null, faults: [] };
  const minutes = Number(value.durationMinutes);
  const [hours = 0, mins = 0] = value.startTime.split(":").map(Number);
  const faults: ("time" | "duration" | "place")[] = [];
  if (!clockTime.test(value.startTime)) faults.push("time");
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480 || hours * 60 + mins + minutes > 24 * 60)
    faults.push("duration");
  if (!place) faults.push("place");
  return place && faults.length === 0
    ? { input: { startTime: value.startTime, durationMinutes: minutes, place }, faults }
    : { input: null, faults };
}

/** The start time, length and place of a meeting: one of the team's premises, or another place in words. */
export function MeetingPlaceFields({
  value,
  onChange,
  invalid,
}: {
  value: PlaceAndTime;
  onChange: (value: PlaceAndTime) => void;
  invalid: (id: string) => boolean;
}) {
  const { t } = useI18n();
  const premises = useQuery(TeamPremisesDocument, {}, "premises");
  const set = (key: keyof PlaceAndTime) => (event: { target: { value: string } }) => {
    onChange({ ...value, [key]: event.target.value });
  };
  return (
    <fieldset aria-describedby="plan-time-hint">
      <legend>{t.timeAndPlace}</legend>
      <p id="plan-time-hint" className="hint">
        {t.startTimeHint}
      </p>
      <div className="field">
        <label htmlFor="plan-time">{t.startTime}</label>
        <input
          id="plan-time"
          type="time"
          value={value.startTime}
          aria-invalid={invalid("plan-time") || undefined}
          onChange={set("startTime")}
        />
      </div>
      <div className="field">
        <label htmlFor="plan-duration">{t.duration}</label>
        <input
          id="plan-duration"
          type="number"
          min={5}
          max={480}
          step={5}
          value={value.durationMinutes}
          aria-invalid={invalid("plan-duration") || undefined}
          onChange={set("durationMinutes")}
        />
      </div>
      <div className="field">
        <label htmlFor="plan-premises">{t.place}</label>
        <select
          id="plan-premises"
          value={value.premises}
          aria-invalid={invalid("plan-premises") || undefined}
          onChange={set("premises")}
        >
          <option value="">{t.noPlace}</option>
          {(premises.data?.premises ?? []).map((p) => (
            <option key={p.premisesId} value={p.premisesId}>
              {p.name}
            </option>
          ))}
          <option value="other">{t.otherPlace}</option>
        </select>
      </div>
      {value.premises === "other" ? (
        <div className="field">
          <label htmlFor="plan-place">{t.placeDescription}</label>
          <p id="plan-place-hint" className="hint">
            {t.placeDescriptionHint}
          </p>
          <input
            id="plan-place"
            type="text"
            maxLength={200}
            value={value.description}
            aria-describedby="plan-place-hint"
            aria-invalid={invalid("plan-place") || undefined}
            onChange={set("description")}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

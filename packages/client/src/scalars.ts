declare const brand: unique symbol;

/** A calendar day as the gateway sends it: `YYYY-MM-DD` (Europe/Helsinki). */
export type IsoDate = string & { readonly [brand]: "IsoDate" };
/** An instant as the gateway sends it: ISO 8601 with its offset. */
export type IsoDateTime = string & { readonly [brand]: "IsoDateTime" };

const day = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** `text` as an `IsoDate` when it is a real calendar day, otherwise a `RangeError`. */
export function isoDate(text: string): IsoDate {
  const [y = 0, m = 0, d = 0] = text.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (!day.test(text) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${text}`);
  return text as IsoDate;
}

import { describe, expect, it } from "vitest";
import { pdfLabels, splitLabel } from "./pdf-labels.js";

const { fi, sv } = pdfLabels;

/** The English subtitle of a label: the part after " / ", or the whole when the local words are English too. */
const english = (label: string) => (label.includes(" / ") ? label.slice(label.indexOf(" / ") + 3) : label);

describe("the PDF's labels", () => {
  it("give every label in Swedish with the same English subtitle as in Finnish", () => {
    const strings = (o: object, path = ""): [string, string][] =>
      Object.entries(o).flatMap(([k, v]): [string, string][] =>
        typeof v === "string"
          ? [[`${path}${k}`, v]]
          : typeof v === "object" && !Array.isArray(v)
            ? strings(v as object, `${path}${k}.`)
            : [],
      );
    const finnish = strings(fi);
    const swedish = new Map(strings(sv));
    expect([...swedish.keys()]).toEqual(finnish.map(([k]) => k));
    for (const [key, label] of finnish) {
      if (key === "lang" || key === "dateLocale") continue;
      const swedishLabel = swedish.get(key) ?? "";
      // A label with an English subtitle in Finnish has the same in Swedish; the words above it differ.
      if (label.includes(" / ")) expect(english(swedishLabel), key).toBe(english(label));
      expect(splitLabel(swedishLabel).local, key).not.toBe(splitLabel(label).local);
    }
    expect(english(sv.legend("<5", 4))).toBe(english(fi.legend("<5", 4)));
    expect(english(sv.previousYear("2024/25", "1.5.2024–30.4.2025", "New"))).toBe(
      english(fi.previousYear("2024/25", "1.5.2024–30.4.2025", "New")),
    );
  });

  it("name the months, the pages and the document's language in Swedish", () => {
    expect(sv.months).toHaveLength(12);
    expect(sv.months[2]).toBe("mars");
    expect(sv.page(2, 5)).toBe("Sida 2/5");
    expect(fi.page(2, 5)).toBe("Sivu 2/5");
    expect(sv.lang).toBe("sv-FI");
    expect(fi.lang).toBe("fi-FI");
  });
});

import { describe, expect, it } from "vitest";
import { languages, type LocalisedText, localisedTextSchema, type Message, pick } from "./localised-text.js";

const policeName: LocalisedText = {
  fi: "Helsingin poliisilaitos",
  sv: "Polisinrättningen i Helsingfors",
  en: "Helsinki Police Department",
};

const message: Message = { fi: "Suostumus puuttuu.", sv: "Samtycke saknas.", en: "Consent is missing." };

describe("languages", () => {
  it("are Finnish, Swedish and English", () => {
    expect(languages).toEqual(["fi", "sv", "en"]);
  });
});

describe("localisedTextSchema", () => {
  it("accepts a text in all three languages", () => {
    expect(localisedTextSchema.parse(policeName)).toEqual(policeName);
  });

  it("trims each language", () => {
    expect(localisedTextSchema.parse({ fi: "  Kuva ", sv: "Kuva\n", en: " Kuva" })).toEqual({
      fi: "Kuva",
      sv: "Kuva",
      en: "Kuva",
    });
  });

  it.each(["fi", "sv", "en"] as const)("requires %s", (language) => {
    const { [language]: _dropped, ...rest } = policeName;
    expect(localisedTextSchema.safeParse(rest).success).toBe(false);
  });

  it("rejects empty and blank texts", () => {
    expect(localisedTextSchema.safeParse({ ...policeName, sv: "" }).success).toBe(false);
    expect(localisedTextSchema.safeParse({ ...policeName, en: "   " }).success).toBe(false);
  });

  it("limits a text to 500 characters", () => {
    expect(localisedTextSchema.safeParse({ ...policeName, fi: "a".repeat(500) }).success).toBe(true);
    expect(localisedTextSchema.safeParse({ ...policeName, fi: "a".repeat(501) }).success).toBe(false);
  });
});

describe("pick", () => {
  it("picks each language of a localised text", () => {
    expect(pick(policeName, "fi")).toBe("Helsingin poliisilaitos");
    expect(pick(policeName, "sv")).toBe("Polisinrättningen i Helsingfors");
    expect(pick(policeName, "en")).toBe("Helsinki Police Department");
  });

  it("picks a message's text in the asked language", () => {
    expect(pick(message, "sv")).toBe("Samtycke saknas.");
    expect(pick(message, "fi")).toBe("Suostumus puuttuu.");
    expect(pick(message, "en")).toBe("Consent is missing.");
  });
});

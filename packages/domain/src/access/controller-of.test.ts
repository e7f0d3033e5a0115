import { describe, expect, it } from "vitest";
import { indexOrganisations } from "../organisations/organisation.js";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import { controllerOf } from "./controller-of.js";

const organisations = indexOrganisations(helsinkiAnkkuri.organisations);
const { agreement } = helsinkiAnkkuri;
const day = "2026-03-01";

describe("controllerOf", () => {
  it("is the agreement party a unit belongs to, or else its legal entity", () => {
    expect(controllerOf(org.policePrevention, agreement, organisations, day)).toBe(org.police);
    expect(controllerOf(org.psychiatry, agreement, organisations, day)).toBe(org.sotepe);
    expect(controllerOf(org.youthServices, agreement, organisations, day)).toBe(org.kuva);
    expect(controllerOf(org.cityExecutiveOffice, agreement, organisations, day)).toBe(org.city);
  });
});

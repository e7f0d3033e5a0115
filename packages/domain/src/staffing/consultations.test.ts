import { describe, expect, it } from "vitest";
import { helsinkiAnkkuri as hel, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import { checkConsultation } from "./consultations.js";

const expert = hel.staff.find((s) => s.id === "st-sotepe-karjalainen");
if (!expert) throw new Error("seed");
const consultation = {
  id: "co-1",
  staffId: expert.id,
  organisationId: org.psychiatry,
  topic: "Nuorten rikoskierteen tunnistaminen",
  consultedOn: "2026-11-20",
};
const codes = (r: ReturnType<typeof checkConsultation>) => (r.ok ? [] : r.error.map((v) => v.code));

describe("checkConsultation", () => {
  it("counts a consultation of a unit of the expert's own party for that party", () => {
    expect(checkConsultation(hel, expert, consultation, "2026-11-22")).toEqual({ ok: true, partyId: org.sotepe });
  });

  it("refuses another party's unit, naming the expert, a future day and client data", () => {
    const other = checkConsultation(hel, expert, { ...consultation, organisationId: org.youthServices }, "2026-11-22");
    expect(codes(other)).toEqual(["CONSULTATION.NOT_OWN_ORGANISATION"]);
    expect(other.ok ? "" : other.error[0]?.message.fi).toContain(expert.familyName);
    expect(codes(checkConsultation(hel, expert, consultation, "2026-11-19"))).toEqual(["CONSULTATION.IN_FUTURE"]);
    expect(
      codes(checkConsultation(hel, expert, { ...consultation, topic: "Asiakas 010203A912X" }, "2026-11-22")),
    ).toEqual(["BODY_MEETING.CLIENT_DATA"]);
  });
});

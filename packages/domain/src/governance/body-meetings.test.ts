import { describe, expect, it } from "vitest";
import { helsinkiAnkkuri as hel, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import {
  type BodyMeetingRecord,
  checkBodyMeetingPlan,
  checkBodyMeetingRecord,
  clientDataIn,
  decisionsOf,
} from "./body-meetings.js";

const orgs = hel.organisations;
const codes = (vs: { code: string }[]) => vs.map((v) => v.code);
const plan = {
  bodyId: "body-hel-joint-leadership",
  plannedOn: "2027-05-20",
  composedOn: "2027-04-01",
  composition: [
    { organisationId: org.police, roleTitle: "poliisipäällikkö" },
    { organisationId: org.sotepe, roleTitle: "toimialajohtaja" },
  ],
};
const meeting = { id: "bm-1", status: "planned" as const, composedOn: plan.composedOn, composition: plan.composition };
const record: BodyMeetingRecord = {
  heldOn: "2027-05-20",
  attendees: [
    { organisationId: org.police, name: "Pekka Vartio", title: "poliisipäällikkö" },
    { organisationId: org.socialEmergency, name: "Sari Niemelä", title: "päällikkö" },
  ],
  items: [
    {
      kind: "conclusion",
      text: "Jatketaan nykyisellä mitoituksella.",
      ownerOrganisationId: org.sotepe,
      dueOn: "2027-12-31",
    },
  ],
};

describe("checkBodyMeetingPlan", () => {
  it("accepts a composition decided for the meeting", () => {
    expect(checkBodyMeetingPlan(orgs, plan, "2026-11-22")).toEqual([]);
  });

  it("refuses a past day, a composition decided after the meeting, unknown and repeated seats", () => {
    expect(
      codes(checkBodyMeetingPlan(orgs, { ...plan, plannedOn: "2026-11-21", composedOn: "2026-11-01" }, "2026-11-22")),
    ).toEqual(["BODY_MEETING.PLANNED_IN_PAST"]);
    expect(codes(checkBodyMeetingPlan(orgs, { ...plan, composedOn: "2027-05-21" }, "2026-11-22"))).toEqual([
      "BODY_MEETING.COMPOSED_AFTER",
    ]);
    const composition = [
      ...plan.composition,
      { organisationId: org.police, roleTitle: "x" },
      { organisationId: "org-x", roleTitle: "x" },
    ];
    expect(codes(checkBodyMeetingPlan(orgs, { ...plan, composition }, "2026-11-22"))).toEqual([
      "BODY_MEETING.SEAT_TWICE",
      "BODY_MEETING.UNKNOWN_ORGANISATION",
    ]);
  });
});

describe("checkBodyMeetingRecord", () => {
  it("records attendees of the composition (or its units) and items owned by it", () => {
    expect(checkBodyMeetingRecord(orgs, meeting, record, "2027-05-20")).toEqual([]);
  });

  it("refuses a second record, a future day, outsiders and early due dates", () => {
    expect(codes(checkBodyMeetingRecord(orgs, { ...meeting, status: "held" }, record, "2027-05-20"))).toEqual([
      "BODY_MEETING.ALREADY_RECORDED",
    ]);
    expect(codes(checkBodyMeetingRecord(orgs, meeting, record, "2027-05-19"))).toEqual(["BODY_MEETING.HELD_IN_FUTURE"]);
    const outsider = {
      ...record,
      attendees: [{ organisationId: org.kuva, name: "Anna Kallio", title: "toimialajohtaja" }],
      items: [{ kind: "decision" as const, text: "x", ownerOrganisationId: org.kuva, dueOn: "2027-05-01" }],
    };
    const found = checkBodyMeetingRecord(orgs, meeting, outsider, "2027-05-20");
    expect(codes(found)).toEqual([
      "BODY_MEETING.ATTENDEE_NOT_IN_COMPOSITION",
      "BODY_MEETING.OWNER_NOT_IN_COMPOSITION",
      "BODY_MEETING.DUE_BEFORE_MEETING",
    ]);
    expect(found[0]?.message.sv).toContain("Anna Kallio");
  });

  it("refuses a text that carries an identity code", () => {
    expect(codes(clientDataIn([{ text: "Asiakas 010203A912X tapaus", path: [] }]))).toEqual([
      "BODY_MEETING.CLIENT_DATA",
    ]);
    expect(clientDataIn([{ text: "Päätös 12/2027", path: [] }])).toEqual([]);
  });
});

describe("decisionsOf", () => {
  it("lists the items of the body's meetings held in the period, in meeting order", () => {
    const meetings = [
      { bodyId: "b", status: "held" as const, heldOn: "2027-09-01", items: [{ ...record.items[0]!, text: "later" }] },
      { bodyId: "b", status: "held" as const, heldOn: "2027-03-01", items: [{ ...record.items[0]!, text: "earlier" }] },
      { bodyId: "b", status: "planned" as const, heldOn: null, items: [] },
      { bodyId: "other", status: "held" as const, heldOn: "2027-04-01", items: record.items },
      { bodyId: "b", status: "held" as const, heldOn: "2028-01-01", items: record.items },
    ];
    expect(decisionsOf(meetings, { id: "b" }, { from: "2027-01-01", to: "2027-12-31" }).map((d) => d.text)).toEqual([
      "earlier",
      "later",
    ]);
  });
});

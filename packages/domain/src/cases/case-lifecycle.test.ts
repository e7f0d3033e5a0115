import { describe, expect, it } from "vitest";
import { type Case, type CaseStatus, caseStatuses } from "./case.js";
import type { CaseCommand, CaseCommandType } from "./case-commands.js";
import { caseCommandSchema } from "./case-commands.js";
import { caseInvariants } from "./case-invariants.js";
import { applyCaseCommand, commandAllowedIn, missingSelectionProfessions } from "./case-lifecycle.js";
import { caseCommandNames, caseStatusNames } from "./case-names.js";
import {
  accepted,
  activeCase,
  admissionCommands,
  admittedCase,
  applyAll,
  buildCase,
  caseContext,
  fixtureRecording,
  fixtureToday,
  coreSeat,
  day,
  decision,
  deepFreeze,
  fullSelection,
  guardian,
  organisationIndex,
  orgs,
  refusalCodes,
  staff,
} from "./case.fixture.js";

/** One well-formed command of every type, to probe the state machine's table. */
const sampleCommands: Record<CaseCommandType, CaseCommand> = {
  "start-selection": { type: "start-selection", on: day(1) },
  "record-selection-decision": { type: "record-selection-decision", decision: decision(staff.police) },
  "admit": { type: "admit", on: day(3) },
  "decline": { type: "decline", on: day(3) },
  "activate": { type: "activate", on: day(4) },
  "close": { type: "close", on: day(20), reason: "goals-met" },
  "add-guardian": { type: "add-guardian", guardian: guardian("g-9") },
  "record-existing-clientship": {
    type: "record-existing-clientship",
    clientship: { organisationId: orgs.childWelfare, since: null, responsibleWorker: null },
  },
  "end-existing-clientship": { type: "end-existing-clientship", organisationId: orgs.childWelfare, endedOn: day(5) },
  "record-child-welfare-notification": {
    type: "record-child-welfare-notification",
    notification: { madeOn: day(0), organisationId: orgs.police },
  },
  "record-consent": {
    type: "record-consent",
    consent: {
      id: "c-9",
      giver: { kind: "client" },
      organisationIds: [orgs.school],
      givenOn: day(1),
      validUntil: null,
      form: "oral",
    },
  },
  "withdraw-consent": { type: "withdraw-consent", consentId: "c-9", withdrawalId: "w-1", on: day(2) },
  "correct-consent-withdrawal": {
    type: "correct-consent-withdrawal",
    consentId: "c-9",
    withdrawalId: "w-2",
    withdrawnOn: null,
    reason: "Kirjattu väärälle luvalle (kuvitteellinen).",
  },
  "plan-meeting": { type: "plan-meeting", meetingId: "m-9", plannedOn: day(6), composition: [coreSeat(staff.police)] },
  "record-meeting-held": { type: "record-meeting-held", meetingId: "m-9", heldOn: day(6), attended: [] },
  "cancel-meeting": { type: "cancel-meeting", meetingId: "m-9", on: day(6) },
  "record-meeting-record": {
    type: "record-meeting-record",
    meetingId: "m-9",
    record: { recordedOn: day(7), recordedBy: staff.social.id, inClientRecord: true, inStatistics: true },
  },
  "complete-meeting-record": {
    type: "complete-meeting-record",
    meetingId: "m-9",
    amendment: {
      id: "a-9",
      recordedOn: day(8),
      recordedBy: staff.social.id,
      inClientRecord: false,
      inStatistics: true,
    },
  },
  "send-invitations": {
    type: "send-invitations",
    meetingId: "m-9",
    on: day(5),
    sentBy: staff.social.id,
    invitations: [{ id: "i-9", participantId: "p-1", channel: "letter" }],
  },
  "answer-invitation": {
    type: "answer-invitation",
    invitationId: "i-9",
    answer: "accepted",
    on: day(6),
    recordedBy: staff.social.id,
  },
  "inform-responsible-worker": { type: "inform-responsible-worker", meetingId: "m-9", on: day(6) },
  "make-referral": {
    type: "make-referral",
    referral: {
      id: "r-9",
      meetingId: null,
      service: "youth-work",
      organisationId: orgs.youth,
      madeOn: day(6),
      status: "proposed",
      statusChangedOn: day(6),
    },
  },
  "update-referral": { type: "update-referral", referralId: "r-9", status: "made", on: day(7) },
};

function apply(c: Case, command: CaseCommand) {
  return applyCaseCommand(c, command, caseContext);
}

describe("the sample commands", () => {
  it("are valid commands of every type", () => {
    for (const command of Object.values(sampleCommands)) expect(caseCommandSchema.parse(command)).toEqual(command);
  });
});

describe("applyCaseCommand: the state machine", () => {
  it("walks referred → in-selection → admitted → active → closed, one version per command", () => {
    let c = deepFreeze(buildCase({ guardians: [guardian("g-1")] }));
    const seen: [CaseStatus, number][] = [[c.status, c.version]];
    const commands: CaseCommand[] = [
      ...admissionCommands(day(3)),
      { type: "activate", on: day(4) },
      { type: "close", on: day(30), reason: "goals-met" },
    ];
    for (const command of commands) {
      c = deepFreeze(accepted(apply(c, command)));
      expect(caseInvariants(c)).toEqual([]);
      seen.push([c.status, c.version]);
    }
    expect(seen).toEqual([
      ["referred", 0],
      ["in-selection", 1],
      ["in-selection", 2],
      ["in-selection", 3],
      ["in-selection", 4],
      ["admitted", 5],
      ["active", 6],
      ["closed", 7],
    ]);
    expect(c).toMatchObject({
      selectionStartedOn: day(1),
      decidedOn: day(3),
      activatedOn: day(4),
      closedOn: day(30),
      closeReason: "goals-met",
    });
  });

  it("declines after a complete selection with a decline", () => {
    const selecting = applyAll(buildCase(), [
      { type: "start-selection", on: day(1) },
      ...fullSelection(day(2), staff.nurse).map((d): CaseCommand => ({
        type: "record-selection-decision",
        decision: d,
      })),
    ]);
    const declined = accepted(apply(selecting, { type: "decline", on: day(2) }));
    expect(declined).toMatchObject({ status: "declined", decidedOn: day(2), version: 5 });
    expect(caseInvariants(declined)).toEqual([]);
  });

  it("closes an admitted case that never became active", () => {
    const closed = accepted(apply(admittedCase(), { type: "close", on: day(3), reason: "client-declined" }));
    expect(closed).toMatchObject({
      status: "closed",
      activatedOn: null,
      closedOn: day(3),
      closeReason: "client-declined",
    });
    expect(caseInvariants(closed)).toEqual([]);
  });

  it("refuses an event dated after today, while a plan may lie ahead", () => {
    const context = { ...caseContext, today: day(1) };
    expect(refusalCodes(applyCaseCommand(buildCase(), { type: "start-selection", on: day(2) }, context))).toEqual([
      "CASE.FUTURE_DATE",
    ]);
    expect(applyCaseCommand(buildCase(), { type: "start-selection", on: day(1) }, context).ok).toBe(true);
    const admitted = admittedCase();
    const plan = { type: "plan-meeting", meetingId: "m-9", plannedOn: day(30), composition: [coreSeat(staff.police)] };
    const planned = accepted(applyCaseCommand(admitted, plan as CaseCommand, { ...caseContext, today: day(4) }));
    expect(planned.meetings[0]?.composedOn).toBe(day(4));
  });

  describe.each(caseStatuses)("in status %s", (status) => {
    const c = deepFreeze(buildCase({ status }));
    it.each(Object.keys(sampleCommands) as CaseCommandType[])(
      "%s is accepted or refused as commandAllowedIn says",
      (type) => {
        const result = apply(c, sampleCommands[type]);
        const illegal = refusalCodes(result).includes("CASE.ILLEGAL_TRANSITION");
        expect(illegal).toBe(!commandAllowedIn[type].includes(status));
        if (illegal && !result.ok) {
          expect(result.error).toHaveLength(1);
          const message = result.error[0]?.message;
          const action = caseCommandNames[type].en;
          expect(message?.en).toBe(
            `${action.charAt(0).toUpperCase()}${action.slice(1)} is not possible while the case is ${caseStatusNames[status].en}.`,
          );
          // Names in every language, never the codes a caseworker does not know.
          for (const language of ["fi", "sv", "en"] as const) {
            expect(message?.[language]).toContain(caseStatusNames[status][language]);
            expect(message?.[language]).not.toMatch(new RegExp(`\\b${type}\\b`));
          }
        }
      },
    );
  });

  it("never reopens a declined or closed case", () => {
    const open = ["referred", "in-selection", "admitted", "active"];
    for (const type of Object.keys(commandAllowedIn) as CaseCommandType[]) {
      for (const ended of ["declined", "closed"] as const) {
        const result = apply(buildCase({ status: ended }), sampleCommands[type]);
        if (result.ok) expect(open).not.toContain(result.value.status);
      }
    }
  });

  it("leaves a refused case as it was and returns no new version", () => {
    const c = deepFreeze(admittedCase());
    const before = JSON.parse(JSON.stringify(c)) as Case;
    const result = apply(c, { type: "activate", on: day(2) });
    expect(refusalCodes(result)).toEqual(["CASE.DATE_ORDER"]);
    expect(c).toEqual(before);
  });
});

describe("start-selection", () => {
  it("records the day selection started, which may be the referral day", () => {
    const c = accepted(apply(buildCase(), { type: "start-selection", on: day(0) }));
    expect(c).toMatchObject({ status: "in-selection", selectionStartedOn: day(0), version: 1 });
  });

  it("refuses a start before the referral", () => {
    const result = apply(buildCase(), { type: "start-selection", on: day(-1) });
    expect(refusalCodes(result)).toEqual(["CASE.DATE_ORDER"]);
    expect(result.ok ? "" : result.error[0]?.message.en).toBe(`${day(-1)} is before the referral (${day(0)}).`);
  });
});

describe("record-selection-decision", () => {
  const selecting = () => accepted(apply(buildCase(), { type: "start-selection", on: day(1) }));

  it("adds the decision", () => {
    const c = accepted(
      apply(selecting(), { type: "record-selection-decision", decision: decision(staff.police, "admit", day(1)) }),
    );
    expect(c.selection).toEqual([decision(staff.police, "admit", day(1))]);
    expect(c.status).toBe("in-selection");
  });

  it("refuses a decision before the selection started", () => {
    expect(
      refusalCodes(
        apply(selecting(), { type: "record-selection-decision", decision: decision(staff.police, "admit", day(0)) }),
      ),
    ).toEqual(["CASE.DATE_ORDER"]);
  });

  it("refuses a second decision by the same person", () => {
    const c = applyAll(selecting(), [{ type: "record-selection-decision", decision: decision(staff.police) }]);
    const result = apply(c, { type: "record-selection-decision", decision: decision(staff.police, "decline") });
    expect(refusalCodes(result)).toEqual(["CASE.SELECTION_DUPLICATE"]);
    expect(result.ok ? [] : result.error[0]?.ids).toEqual(["case-test-1", staff.police.id]);
  });

  it("accepts decisions of two people of the same profession", () => {
    const c = applyAll(selecting(), [
      { type: "record-selection-decision", decision: decision(staff.social) },
      { type: "record-selection-decision", decision: decision(staff.social2) },
    ]);
    expect(c.selection).toHaveLength(2);
    expect(missingSelectionProfessions(c)).toEqual(["police-officer", "psychiatric-nurse"]);
  });
});

describe("admit and decline", () => {
  const selecting = (...decisions: ReturnType<typeof decision>[]) =>
    applyAll(buildCase(), [
      { type: "start-selection", on: day(1) },
      ...decisions.map((d): CaseCommand => ({ type: "record-selection-decision", decision: d })),
    ]);

  it("names the professions missing from the selection", () => {
    const result = apply(selecting(decision(staff.police)), { type: "admit", on: day(3) });
    expect(refusalCodes(result)).toEqual(["CASE.SELECTION_INCOMPLETE"]);
    expect(result.ok ? "" : result.error[0]?.message.en).toContain("social worker, psychiatric nurse");
    expect(result.ok ? "" : result.error[0]?.message.sv).toContain("socialarbetare, psykiatrisk sjukskötare");
    expect(result.ok ? "" : result.error[0]?.message.fi).toContain("sosiaalityöntekijä, psykiatrinen sairaanhoitaja");
  });

  it("refuses admission with no decisions at all, naming all three professions", () => {
    const result = apply(selecting(), { type: "admit", on: day(3) });
    expect(result.ok ? "" : result.error[0]?.message.en).toContain("police officer, social worker, psychiatric nurse");
  });

  it("does not count another profession towards the selection", () => {
    const c = selecting(decision(staff.police), decision(staff.social), decision(staff.youth));
    expect(missingSelectionProfessions(c)).toEqual(["psychiatric-nurse"]);
    expect(refusalCodes(apply(c, { type: "admit", on: day(3) }))).toEqual(["CASE.SELECTION_INCOMPLETE"]);
  });

  it("admits with three unanimous decisions and an extra one", () => {
    const c = accepted(
      apply(selecting(...fullSelection(day(2)), decision(staff.youth)), { type: "admit", on: day(2) }),
    );
    expect(c).toMatchObject({ status: "admitted", decidedOn: day(2) });
  });

  it("refuses admission when anyone proposed declining", () => {
    const c = selecting(...fullSelection(day(2), staff.social));
    expect(refusalCodes(apply(c, { type: "admit", on: day(3) }))).toEqual(["CASE.SELECTION_NOT_UNANIMOUS"]);
  });

  it("refuses a decline nobody proposed", () => {
    const c = selecting(...fullSelection(day(2)));
    expect(refusalCodes(apply(c, { type: "decline", on: day(3) }))).toEqual(["CASE.SELECTION_NO_DECLINE"]);
  });

  it("refuses a decline before all three professions have decided", () => {
    const c = selecting(decision(staff.police, "decline"));
    expect(refusalCodes(apply(c, { type: "decline", on: day(3) }))).toEqual(["CASE.SELECTION_INCOMPLETE"]);
  });

  it("refuses a decision dated before the last selection decision", () => {
    const c = selecting(...fullSelection(day(2)), decision(staff.youth, "admit", day(5)));
    expect(refusalCodes(apply(c, { type: "admit", on: day(4) }))).toEqual(["CASE.DATE_ORDER"]);
  });

  it("reports every problem at once", () => {
    const c = selecting(decision(staff.police, "admit", day(5)));
    expect(refusalCodes(apply(c, { type: "decline", on: day(4) }))).toEqual([
      "CASE.SELECTION_INCOMPLETE",
      "CASE.DATE_ORDER",
      "CASE.SELECTION_NO_DECLINE",
    ]);
  });
});

describe("activate", () => {
  it("activates an admitted case", () => {
    expect(accepted(apply(admittedCase(), { type: "activate", on: day(3) }))).toMatchObject({
      status: "active",
      activatedOn: day(3),
      version: 6,
    });
  });

  it("refuses an activation before the admission", () => {
    expect(refusalCodes(apply(admittedCase(), { type: "activate", on: day(2) }))).toEqual(["CASE.DATE_ORDER"]);
  });
});

describe("close", () => {
  it("refuses a close before the activation", () => {
    const c = applyAll(admittedCase(), [{ type: "activate", on: day(8) }]);
    expect(refusalCodes(apply(c, { type: "close", on: day(7), reason: "other" }))).toEqual(["CASE.DATE_ORDER"]);
  });

  it("refuses a close before the admission", () => {
    expect(refusalCodes(apply(admittedCase(), { type: "close", on: day(2), reason: "other" }))).toEqual([
      "CASE.DATE_ORDER",
    ]);
  });

  it("refuses a close before the last held meeting", () => {
    const c = applyAll(activeCase(), [
      { type: "plan-meeting", meetingId: "m-2", plannedOn: day(9), composition: [coreSeat(staff.nurse)] },
      { type: "record-meeting-held", meetingId: "m-2", heldOn: day(9), attended: [] },
    ]);
    const result = apply(c, { type: "close", on: day(8), reason: "moved-away" });
    expect(refusalCodes(result)).toEqual(["CASE.DATE_ORDER"]);
    expect(result.ok ? "" : result.error[0]?.message.en).toContain("the last held meeting");
  });

  it("cancels the planned meetings and keeps the held ones", () => {
    const c = applyAll(activeCase(), [
      { type: "plan-meeting", meetingId: "m-2", plannedOn: day(30), composition: [coreSeat(staff.nurse)] },
    ]);
    const closed = accepted(apply(c, { type: "close", on: day(10), reason: "transferred" }));
    expect(closed.meetings.map((m) => [m.id, m.status])).toEqual([
      ["m-1", "held"],
      ["m-2", "cancelled"],
    ]);
    expect(caseInvariants(closed)).toEqual([]);
  });
});

describe("add-guardian", () => {
  it("adds a guardian", () => {
    const c = accepted(apply(buildCase(), { type: "add-guardian", guardian: guardian("g-2", false) }));
    expect(c.guardians).toEqual([guardian("g-2", false)]);
  });

  it("refuses a guardian id already recorded", () => {
    const result = apply(buildCase({ guardians: [guardian("g-1")] }), {
      type: "add-guardian",
      guardian: guardian("g-1", false),
    });
    expect(refusalCodes(result)).toEqual(["CASE.DUPLICATE_ID"]);
    expect(result.ok ? [] : result.error[0]?.ids).toEqual(["case-test-1", "g-1"]);
  });
});

describe("record-existing-clientship", () => {
  it("adds a client relationship and replaces the one of the same organisation", () => {
    const first = accepted(
      apply(buildCase(), {
        type: "record-existing-clientship",
        clientship: { organisationId: orgs.childWelfare, since: null, responsibleWorker: null },
      }),
    );
    const worker = { staffId: null, name: "Testi Työntekijä", organisationId: orgs.childWelfare };
    const second = accepted(
      apply(first, {
        type: "record-existing-clientship",
        clientship: { organisationId: orgs.childWelfare, since: day(-100), responsibleWorker: worker },
      }),
    );
    expect(second.existingClientships).toEqual([
      {
        organisationId: orgs.childWelfare,
        since: day(-100),
        responsibleWorker: worker,
        recordedOn: fixtureToday,
        endedOn: null,
      },
    ]);
  });

  it("refuses an organisation that cannot have clients of its own, and a recorder outside it and the selecting units", () => {
    const school = { organisationId: orgs.school, since: null, responsibleWorker: null };
    expect(refusalCodes(apply(buildCase(), { type: "record-existing-clientship", clientship: school }))).toEqual([
      "CLIENTSHIP.NOT_CLIENT_HOLDER",
    ]);
    const childWelfare = { organisationId: orgs.childWelfare, since: null, responsibleWorker: null };
    const command = { type: "record-existing-clientship" as const, clientship: childWelfare };
    const byYouthWorker = { ...caseContext, recording: { ...fixtureRecording, organisationId: orgs.youth } };
    expect(refusalCodes(applyCaseCommand(buildCase(), command, byYouthWorker))).toEqual(["CLIENTSHIP.NOT_RECORDER"]);
    const byItsOwnWorker = { ...caseContext, recording: { ...fixtureRecording, organisationId: orgs.childWelfare } };
    expect(applyCaseCommand(buildCase(), command, byItsOwnWorker).ok).toBe(true);
    const unknownRecorder = { coreOrganisationIds: caseContext.coreOrganisationIds, today: fixtureToday };
    expect(refusalCodes(applyCaseCommand(buildCase(), command, unknownRecorder))).toEqual(["CLIENTSHIP.NOT_RECORDER"]);
  });
});

describe("end-existing-clientship", () => {
  const recordedOn = day(10);
  const onDay = (today: string) => ({ ...caseContext, today });
  const recorded = () =>
    accepted(
      applyCaseCommand(
        admittedCase(),
        {
          type: "record-existing-clientship",
          clientship: { organisationId: orgs.childWelfare, since: day(-30), responsibleWorker: null },
        },
        onDay(recordedOn),
      ),
    );
  const end = (endedOn: string) => ({
    type: "end-existing-clientship" as const,
    organisationId: orgs.childWelfare,
    endedOn,
  });

  it("records the day the relationship ended, and keeps the rest of it", () => {
    const ended = accepted(applyCaseCommand(recorded(), end(day(20)), onDay(day(25))));
    expect(ended.existingClientships).toEqual([
      { organisationId: orgs.childWelfare, since: day(-30), responsibleWorker: null, recordedOn, endedOn: day(20) },
    ]);
  });

  it("refuses a day before the relationship was recorded or began, after today, or a second end", () => {
    expect(refusalCodes(applyCaseCommand(recorded(), end(day(9)), onDay(day(25))))).toEqual(["CASE.DATE_ORDER"]);
    // Recorded again later with a later start: it keeps its recording day, and the end follows the start.
    const restated = applyCaseCommand(
      recorded(),
      {
        type: "record-existing-clientship",
        clientship: { organisationId: orgs.childWelfare, since: day(15), responsibleWorker: null },
      },
      onDay(day(18)),
    );
    expect(refusalCodes(applyCaseCommand(accepted(restated), end(day(12)), onDay(day(25))))).toEqual([
      "CASE.DATE_ORDER",
    ]);
    expect(refusalCodes(applyCaseCommand(recorded(), end(day(26)), onDay(day(25))))).toEqual(["CASE.FUTURE_DATE"]);
    // The day it was recorded is allowed: a relationship recorded by mistake ends before it gave anything.
    const ended = accepted(applyCaseCommand(recorded(), end(recordedOn), onDay(day(25))));
    const again = applyCaseCommand(ended, end(day(20)), onDay(day(25)));
    expect(refusalCodes(again)).toEqual(["CLIENTSHIP.ALREADY_ENDED"]);
    expect(again.ok ? null : again.error[0]?.message.en).toBe(
      `The client relationship with an unknown organisation already ended on ${recordedOn}.`,
    );
  });

  it("refuses an organisation without a recorded relationship, named in every language", () => {
    const result = applyCaseCommand(
      recorded(),
      { ...end(day(20)), organisationId: orgs.school },
      { ...onDay(day(25)), recording: { ...fixtureRecording, organisations: organisationIndex } },
    );
    expect(refusalCodes(result)).toEqual(["CLIENTSHIP.NOT_FOUND"]);
    for (const language of ["fi", "sv", "en"] as const)
      expect(result.ok ? null : result.error[0]?.message[language]).toContain("Testikoulu");
  });

  it("is recorded, like the relationship, only by its organisation or a selecting unit", () => {
    const c = recorded();
    const by = (organisationId: string) => ({
      ...onDay(day(25)),
      recording: { ...fixtureRecording, organisationId, clientHolders: [] },
    });
    expect(refusalCodes(applyCaseCommand(c, end(day(20)), by(orgs.youth)))).toEqual(["CLIENTSHIP.NOT_RECORDER"]);
    // No longer holding clients does not keep a relationship from ending.
    expect(applyCaseCommand(c, end(day(20)), by(orgs.childWelfare)).ok).toBe(true);
    expect(applyCaseCommand(c, end(day(20)), by(orgs.police)).ok).toBe(true);
    const unknown = { coreOrganisationIds: caseContext.coreOrganisationIds, today: day(25) };
    expect(refusalCodes(applyCaseCommand(c, end(day(20)), unknown))).toEqual(["CLIENTSHIP.NOT_RECORDER"]);
  });

  it("is accepted after the case closed, and an ended relationship is not recorded again", () => {
    const closed = accepted(
      applyCaseCommand(recorded(), { type: "close", on: day(12), reason: "goals-met" }, onDay(day(25))),
    );
    const ended = accepted(applyCaseCommand(closed, end(day(20)), onDay(day(25))));
    expect(ended.status).toBe("closed");
    const reopened = accepted(applyCaseCommand(recorded(), end(day(20)), onDay(day(25))));
    const again = applyCaseCommand(
      reopened,
      {
        type: "record-existing-clientship",
        clientship: { organisationId: orgs.childWelfare, since: null, responsibleWorker: null },
      },
      onDay(day(25)),
    );
    expect(refusalCodes(again)).toEqual(["CLIENTSHIP.ALREADY_ENDED"]);
  });
});

describe("record-child-welfare-notification", () => {
  it("records the notification", () => {
    const notification = { madeOn: day(0), organisationId: orgs.police };
    expect(
      accepted(apply(buildCase(), { type: "record-child-welfare-notification", notification }))
        .childWelfareNotification,
    ).toEqual(notification);
  });
});

import { describe, expect, it } from "vitest";
import type { Case } from "./case.js";
import type { CaseCommand } from "./case-commands.js";
import { applyCaseCommand } from "./case-lifecycle.js";
import { accepted, activeCase, applyAll, caseContext, day, deepFreeze, refusalCodes, staff } from "./case.fixture.js";
import { checkCase } from "./check-case.js";

function apply(c: Case, command: CaseCommand) {
  return applyCaseCommand(deepFreeze(c), command, caseContext);
}

/** Meeting m-1 held on day 5 and recorded on day 6 in the client record only. */
function clientRecordOnly(): Case {
  return applyAll(activeCase(), [
    {
      type: "record-meeting-record",
      meetingId: "m-1",
      record: { recordedOn: day(6), recordedBy: staff.social.id, inClientRecord: true, inStatistics: false },
    },
  ]);
}

const complete = (
  extra: Partial<{ id: string; recordedOn: string; inStatistics: boolean; inClientRecord: boolean }> = {},
) =>
  ({
    type: "complete-meeting-record",
    meetingId: "m-1",
    amendment: {
      id: "a-1",
      recordedOn: day(9),
      recordedBy: staff.police.id,
      inClientRecord: false,
      inStatistics: true,
      ...extra,
    },
  }) as CaseCommand;

const incomplete = (c: Case) =>
  checkCase(c, { ...caseContext, asOf: day(10) }).filter((v) => v.code === "CASE.RECORD_INCOMPLETE");

describe("complete-meeting-record", () => {
  it("adds the statistics entry by an amendment kept beside the first record", () => {
    const before = clientRecordOnly();
    expect(incomplete(before)).toHaveLength(1);
    const after = accepted(apply(before, complete()));
    expect(after.meetings[0]?.record).toEqual({
      recordedOn: day(6),
      recordedBy: staff.social.id,
      inClientRecord: true,
      inStatistics: false,
      amendments: [
        { id: "a-1", recordedOn: day(9), recordedBy: staff.police.id, inClientRecord: false, inStatistics: true },
      ],
    });
    expect(incomplete(after)).toEqual([]);
  });

  it("refuses an amendment that adds nothing missing", () => {
    const done = applyAll(clientRecordOnly(), [complete()]);
    expect(refusalCodes(apply(done, complete({ id: "a-2" })))).toEqual(["MEETING.RECORD_ALREADY_COMPLETE"]);
    expect(refusalCodes(apply(clientRecordOnly(), complete({ inStatistics: false, inClientRecord: true })))).toEqual([
      "MEETING.RECORD_ALREADY_COMPLETE",
    ]);
  });

  it("refuses a meeting without a record, one of another case, a back-dated amendment and a used id", () => {
    expect(refusalCodes(apply(activeCase(), complete()))).toEqual(["MEETING.NOT_RECORDED"]);
    expect(refusalCodes(apply(clientRecordOnly(), { ...complete(), meetingId: "m-x" } as CaseCommand))).toEqual([
      "CASE.NOT_FOUND",
    ]);
    expect(refusalCodes(apply(clientRecordOnly(), complete({ recordedOn: day(5) })))).toEqual(["CASE.DATE_ORDER"]);
    const bothMissing = applyAll(activeCase(), [
      {
        type: "record-meeting-record",
        meetingId: "m-1",
        record: { recordedOn: day(6), recordedBy: staff.social.id, inClientRecord: false, inStatistics: false },
      },
      complete(),
    ]);
    expect(refusalCodes(apply(bothMissing, complete({ inClientRecord: true, inStatistics: false })))).toEqual([
      "CASE.DUPLICATE_ID",
    ]);
  });

  it("refuses an amendment dated in the future", () => {
    const result = applyCaseCommand(clientRecordOnly(), complete({ recordedOn: day(9) }), {
      ...caseContext,
      today: day(8),
    });
    expect(refusalCodes(result)).toEqual(["CASE.FUTURE_DATE"]);
  });

  it("completes a record after the case is closed", () => {
    const closed = applyAll(clientRecordOnly(), [{ type: "close", on: day(7), reason: "goals-met" }]);
    expect(accepted(apply(closed, complete())).status).toBe("closed");
  });
});

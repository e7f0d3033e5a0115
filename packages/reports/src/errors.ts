import type { Message } from "@ankkuri/domain";

/** Stable codes of the reporter's expected failures; the gateway maps them to its own error shapes. */
export type ReportErrorCode =
  | "REPORT.PERIOD_INVALID"
  | "REPORT.REQUEST_INVALID"
  | "REPORT.UNKNOWN_TEAM"
  | "REPORT.UNKNOWN_PARTY"
  | "REPORT.NO_AGREEMENT"
  | "REPORT.REQUESTER_NOT_ALLOWED";

/** An expected failure of a report request: a stable code and a message in Finnish, Swedish and English. */
export class ReportError extends Error {
  override readonly name = "ReportError";
  constructor(
    readonly code: ReportErrorCode,
    readonly messages: Message,
  ) {
    super(messages.en);
  }
}

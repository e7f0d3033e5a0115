/**
 * The columns of the meetings table (05-meetings) in every tabular format, written out by hand so that a
 * change in how the formats name them fails their tests.
 */
export const meetingsTableColumns = [
  "key",
  "label_fi",
  "label_sv",
  "label_en",
  "recorded",
  "recorded_suppressed",
  "unrecorded",
  "unrecorded_suppressed",
  "total",
  "total_suppressed",
  "recorded_previous",
  "recorded_previous_suppressed",
  "unrecorded_previous",
  "unrecorded_previous_suppressed",
  "total_previous",
  "total_previous_suppressed",
] as const;

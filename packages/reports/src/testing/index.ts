export { fixtureTeamId, loadReportFixture } from "./report-dataset.js";
export { settledJobs, waitForRuns } from "./report-runs.js";

/**
 * `@ankkuri/db`: the persistence layer. One client factory for the embedded PGlite and PostgreSQL,
 * the drizzle schema and relations, migrations, repositories that map rows to the domain library's
 * types, encrypted identity codes and the tamper-evident audit log.
 */
export {
  type ConnectionOptions,
  type Database,
  type DatabaseHandle,
  DatabaseLockedError,
  type Engine,
  type Executor,
  openDatabase,
  type PoolStats,
  type Relations,
  type Transaction,
} from "./client.js";
export { isDatabaseReady, migrateDatabase, migrationsFolder } from "./migrate.js";
export { type DatabaseConfig, databaseEnvSchema, parseDatabaseConfig } from "./config.js";
export {
  type DataFolderTemplate,
  defaultTemplateDir,
  type EmbeddedStart,
  prepareTemplate,
  seededTemplate,
  templateFolder,
} from "./prepared-data-folder.js";
export { logNodeRuntime, nodeRuntime, openRuntime, type Runtime, supportedNodeMajor } from "./runtime.js";
export {
  type CommandLine,
  type CommandOptions,
  optionProblems,
  readCommandLine,
  settleOptions,
  unexpectedArguments,
} from "./cli/command-line.js";
export { queryRows } from "./query-rows.js";
export { analyze } from "./analyze.js";
export {
  ConstraintViolationError,
  constraintViolation,
  isConnectionError,
  isDataException,
  RowNotFoundError,
  StaleWriteError,
} from "./errors.js";
export { updateVersioned } from "./versioned-update.js";
export {
  generateKeySettings,
  KeyConfigurationError,
  keySettingsEnv,
  type KeyMaterial,
  type KeySettings,
  loadOrCreateEmbeddedKeys,
  parseKeyMaterial,
} from "./keys/key-material.js";
export { createIdentityVault, type IdentityVault } from "./keys/identity-vault.js";
export { rotateIdentityKeys, type RotationSummary } from "./keys/rotate-identity-keys.js";
export {
  type AuditEntry,
  type AuditRow,
  canonicalJson,
  chainHash,
  genesisHash,
  isRefusedAttempt,
  pruneMac,
  refusedAttempt,
} from "./audit/audit-chain.js";
export { appendAudit, type ChainHead } from "./audit/append-audit.js";
export { ChainAppender } from "./audit/chain-appender.js";
export { auditedTeams, type AuditVerification, verifyAuditChain } from "./audit/verify-audit.js";
export {
  type AuditCheckpoint,
  auditCheckpoints,
  type CheckpointVerification,
  latestCheckpoints,
  verifyAgainstCheckpoint,
} from "./audit/checkpoint.js";
export { clientAccessLog, helsinkiDayStart } from "./audit/client-access-log.js";
export {
  activeLegalHolds,
  type LegalHold,
  type LegalHoldOutcome,
  type LegalHoldRequest,
  type LegalHoldTarget,
  placeLegalHold,
  releaseLegalHold,
} from "./retention/legal-holds.js";
export { readRetentionPolicyFile } from "./retention/retention-policy-file.js";
export {
  anonymisedName,
  type RetentionRunOptions,
  type RetentionRunReport,
  runRetention,
} from "./retention/run-retention.js";
export { defaultAuditRetentionYears, type PruneOutcome, pruneAuditLog, retentionCutoff } from "./audit/prune-audit.js";
export { seedTeam } from "./seed/seed-team.js";
export { type SynthProgress, type SynthSummary, synthesize } from "./synth/synthesize.js";
export { syntheticTeams } from "./synth/synthetic-teams.js";
export { loadTeamDataset, teamDatasetVersion, teamsOfLogin } from "./repositories/team-dataset.js";
export { type CappedCount, countVisibleCases } from "./repositories/case-count.js";
export { type ListedCase, type ListScope, type ListWindow, visibleCasesInListOrder } from "./access/case-list-order.js";
export {
  type AccessScope,
  fullMembershipInForce,
  membershipInForce,
  membershipInForceSql,
  visibleCaseIds,
  visibleCaseSql,
} from "./access/case-visibility.js";
export {
  InvalidClientIdentityError,
  loadCase,
  loadCases,
  meetingPlaceOf,
  newId,
  referCase,
  type ReferralInput,
  type ReferralResult,
  saveCase,
  type SaveCaseContext,
  type StoredCase,
  writeMemberships,
} from "./repositories/case-repository.js";
export {
  type AssessmentRow,
  assessmentsOfCase,
  insertAssessment,
  insertGoalReview,
  loadGoal,
  type NewAssessment,
} from "./repositories/assessment-repository.js";
export {
  type CaseAccessRow,
  caseAccessRecords,
  endCaseLink,
  insertCaseLink,
  liveLinksOf,
  loadCaseLink,
} from "./repositories/case-link-repository.js";
export {
  type AssignableCaseRow,
  assignableCase,
  assignedToSql,
  type CaseloadCounts,
  caseloadCounts,
  caseWorkersOf,
  endCaseWorker,
  insertCaseWorker,
} from "./repositories/case-worker-repository.js";
export * as schema from "./schema/tables.js";
export { relations } from "./schema/relations.js";
// Query helpers re-exported so apps use the same drizzle instance as the schema.
export {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  ne,
  not,
  or,
  type SQL,
  sql,
} from "drizzle-orm";

export { createTestDatabase, type TestDatabase } from "./test-database.js";
export { testDatabaseUrl, testDatabaseUrlFor, testEngines } from "./test-env.js";
export { pgliteTemplate, postgresTemplate } from "./templates.js";
export { type SeededTestDatabase, seededTestDatabase } from "./seeded-database.js";
export { activeCaseDays, type ClientCaseValues, insertClientCase } from "./client-cases.js";
export { refusedBy } from "./constraint-refusal.js";
export { referTestCase } from "./referred-cases.js";

import { alternateRounds } from "../load-rounds.js";
import { operations } from "../operations.js";
import type { AuditFigures } from "../results.js";
import { gatewaySetup, startGateway } from "../servers.js";
import { ratio } from "../stats.js";
import type { RunContext } from "./context.js";
import { loadGateway } from "./gateway-vs-floor.js";

/**
 * The case query's throughput with the audit log on against off: two gateway processes on the same
 * database, loaded in alternating rounds.
 */
export async function auditOverhead(context: RunContext): Promise<AuditFigures> {
  const operation = operations.find((o) => o.key === "case-detail");
  if (!operation) throw new Error("case-detail operation missing");
  // Without the audit log the gateway runs only in development mode: so does its audited twin here,
  // so that the log is all that differs.
  const { env, tokens } = gatewaySetup(context.database.url, context.keys, context.auth, false);
  const withoutAudit = await startGateway("gateway-no-audit", env, context.resultsDir, { tokens });
  const withAudit = await startGateway("gateway-audit-development", { ...env, AUDIT_LOG: "on" }, context.resultsDir, {
    tokens,
  }).catch(async (error: unknown) => {
    await withoutAudit.child.stop();
    throw error;
  });
  try {
    const { baseline: off, subject: on } = await alternateRounds(context.options.rounds, (side, round) =>
      side === "baseline"
        ? loadGateway(context, operation, withoutAudit, "audit.off", round)
        : loadGateway(context, operation, withAudit, "audit.on", round),
    );
    context.log(`audit: off ${off.throughput.toFixed(0)} req/s, on ${on.throughput.toFixed(0)} req/s`);
    return { off, on, throughputRatio: ratio(on.throughput, off.throughput), p50Ratio: ratio(on.p50, off.p50) };
  } finally {
    await Promise.all([withoutAudit.child.stop(), withAudit.child.stop()]);
  }
}

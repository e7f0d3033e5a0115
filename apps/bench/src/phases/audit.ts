import { alternateRounds } from "../load-rounds.js";
import { operations } from "../operations.js";
import type { AuditFigures } from "../results.js";
import { gatewayEnv, type Server, startGateway } from "../servers.js";
import { ratio } from "../stats.js";
import type { RunContext } from "./context.js";
import { loadGateway } from "./gateway-vs-floor.js";

/**
 * The case query's throughput with the audit log on against off: the running gateway (on, as the
 * product runs) and a second gateway process on the same database (off), loaded in alternating rounds.
 */
export async function auditOverhead(context: RunContext, gatewayWithAudit: Server): Promise<AuditFigures> {
  const operation = operations.find((o) => o.key === "case-detail");
  if (!operation) throw new Error("case-detail operation missing");
  const withoutAudit = await startGateway(
    "gateway-no-audit",
    gatewayEnv(context.database.url, context.dataDir, context.keys, false),
    context.resultsDir,
  );
  try {
    const { baseline: off, subject: on } = await alternateRounds(context.options.rounds, (side, round) =>
      side === "baseline"
        ? loadGateway(context, operation, withoutAudit, "audit.off", round)
        : loadGateway(context, operation, gatewayWithAudit, "audit.on", round),
    );
    context.log(`audit: off ${off.throughput.toFixed(0)} req/s, on ${on.throughput.toFixed(0)} req/s`);
    return { off, on, throughputRatio: ratio(on.throughput, off.throughput), p50Ratio: ratio(on.p50, off.p50) };
  } finally {
    await withoutAudit.child.stop();
  }
}

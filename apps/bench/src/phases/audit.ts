import { operations } from "../operations.js";
import type { AuditFigures } from "../results.js";
import { gatewayEnv, type Server, startGateway } from "../servers.js";
import { ratio } from "../stats.js";
import type { RunContext } from "./context.js";
import { loadGateway } from "./gateway-vs-floor.js";

/**
 * The case query's throughput with the audit log on against off: the running gateway (off) and a
 * second gateway process on the same database (on), loaded one after the other.
 */
export async function auditOverhead(context: RunContext, gatewayWithoutAudit: Server): Promise<AuditFigures> {
  const operation = operations.find((o) => o.key === "case-detail");
  if (!operation) throw new Error("case-detail operation missing");
  const off = await loadGateway(context, operation, gatewayWithoutAudit, "audit.off");
  const withAudit = await startGateway("gateway-audit", gatewayEnv(context.database.url, context.dataDir, context.keys, true), context.resultsDir);
  try {
    const on = await loadGateway(context, operation, withAudit, "audit.on");
    context.log(`audit: off ${off.throughput.toFixed(0)} req/s, on ${on.throughput.toFixed(0)} req/s`);
    return { off, on, throughputRatio: ratio(on.throughput, off.throughput), p50Ratio: ratio(on.p50, off.p50) };
  } finally {
    await withAudit.child.stop();
  }
}

import { retentionQueueName } from "@ankkuri/reports";
import { afterAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

// On the embedded database no standalone worker exists: the gateway's own report worker must also
// carry the nightly retention run, or data would never leave.

describe("retention on the embedded database", () => {
  const harnesses: Harness[] = [];
  afterAll(async () => {
    for (const h of harnesses) await h.close();
  });

  it("registers the nightly retention job with the gateway's own worker", async () => {
    // No reporter given: the gateway starts its own, as `pnpm start` does.
    const h = await startHarness("pglite", { gateway: { reporter: undefined } });
    harnesses.push(h);
    const reporter = h.gateway.services.reporter;
    if (!reporter) throw new Error("the gateway started without its report worker");
    expect(await reporter.queue.boss.getSchedules(retentionQueueName)).toMatchObject([
      { name: retentionQueueName, key: "nightly", cron: "0 3 * * *", timezone: "Europe/Helsinki" },
    ]);
  });

  it("registers none when RETENTION is off", async () => {
    const h = await startHarness("pglite", { gateway: { reporter: undefined }, env: { RETENTION: "off" } });
    harnesses.push(h);
    expect(await h.gateway.services.reporter?.queue.boss.getSchedules(retentionQueueName)).toEqual([]);
  });
});

import type { AuditEntry } from "@ankkuri/db";
import { describe, expect, it } from "vitest";
import { AuditWriter, type AuditWriterOptions } from "./audit-writer.js";

/** An entry of request `requestId` (only the request id matters here). */
const entry = (requestId: string): AuditEntry => ({
  teamId: "team-hel",
  occurredAt: new Date("2026-12-01T10:00:00Z"),
  requestId,
  actorId: "u-police",
  actorOrganisationId: "org-hpl-prevention",
  actorRole: "caseworker",
  operation: "read",
  resource: "case",
  purpose: "casework",
  basis: "casework",
});

/** An append that waits until the test lets it finish, recording what each call was given. */
function controlledAppend() {
  const calls: { requests: string[]; finish(error?: Error): void }[] = [];
  const append = (entries: readonly AuditEntry[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({
        requests: entries.map((e) => e.requestId),
        finish: (error) => {
          if (error) reject(error);
          else resolve();
        },
      });
    });
  return { calls, append };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Whether `promise` has settled, and how. */
function track(promise: Promise<void>) {
  const state = { done: false, error: undefined as unknown };
  promise.then(
    () => (state.done = true),
    (error: unknown) => {
      state.done = true;
      state.error = error;
    },
  );
  return state;
}

/**
 * Requests b and c queue behind a's append and are written together in the next one, which fails
 * with `error`; returns once that failure has been handled.
 */
async function batchOfTwoFailing(options: AuditWriterOptions | undefined, error: Error) {
  const { calls, append } = controlledAppend();
  const writer = new AuditWriter(append, options);
  void writer.write([entry("a")]);
  await settle();
  const b = track(writer.write([entry("b")]));
  const c = track(writer.write([entry("c")]));
  calls[0]?.finish();
  await settle();
  calls[1]?.finish(error);
  await settle();
  return { calls, b, c };
}

describe("AuditWriter", () => {
  it("answers a request only once its entries are committed", async () => {
    const { calls, append } = controlledAppend();
    const writer = new AuditWriter(append);
    const a = track(writer.write([entry("a"), entry("a")]));
    await settle();
    expect(calls.map((c) => c.requests)).toEqual([["a", "a"]]);
    expect(a.done).toBe(false);
    calls[0]?.finish();
    await settle();
    expect(a).toEqual({ done: true, error: undefined });
  });

  it("writes the requests that finish during an append together, in the next append", async () => {
    const { calls, append } = controlledAppend();
    const writer = new AuditWriter(append);
    const a = track(writer.write([entry("a")]));
    await settle();
    const b = track(writer.write([entry("b")]));
    const c = track(writer.write([entry("c"), entry("c")]));
    await settle();
    expect(calls).toHaveLength(1);
    calls[0]?.finish();
    await settle();
    expect(a.done).toBe(true);
    expect(calls.map((x) => x.requests)).toEqual([["a"], ["b", "c", "c"]]);
    expect([b.done, c.done]).toEqual([false, false]);
    calls[1]?.finish();
    await settle();
    expect([b, c]).toEqual([
      { done: true, error: undefined },
      { done: true, error: undefined },
    ]);
  });

  it("keeps a batch within its entry limit, and writes a larger request alone", async () => {
    const { calls, append } = controlledAppend();
    const writer = new AuditWriter(append, { maxEntries: 3 });
    void writer.write([entry("a")]);
    await settle();
    void writer.write([entry("b"), entry("b")]);
    void writer.write([entry("c"), entry("c")]);
    void writer.write([entry("d"), entry("d"), entry("d"), entry("d")]);
    for (let i = 0; i < 4; i++) {
      calls[i]?.finish();
      await settle();
    }
    expect(calls.map((x) => x.requests)).toEqual([["a"], ["b", "b"], ["c", "c"], ["d", "d", "d", "d"]]);
  });

  it("writes a failed batch again one request at a time, so one request's entries withhold no one else's data", async () => {
    const { calls, b, c } = await batchOfTwoFailing(undefined, new Error("value refused"));
    expect(calls.map((x) => x.requests)).toEqual([["a"], ["b", "c"], ["b"]]);
    calls[2]?.finish();
    await settle();
    calls[3]?.finish(new Error("value refused"));
    await settle();
    expect(calls.map((x) => x.requests)).toEqual([["a"], ["b", "c"], ["b"], ["c"]]);
    expect(b).toEqual({ done: true, error: undefined });
    expect(c.done).toBe(true);
    expect((c.error as Error).message).toBe("value refused");
  });

  it("refuses a whole batch at once when the failure is not one request's fault", async () => {
    const { calls, b, c } = await batchOfTwoFailing(
      { retryAlone: (error) => (error as Error).message !== "database away" },
      new Error("database away"),
    );
    expect(calls.map((x) => x.requests)).toEqual([["a"], ["b", "c"]]);
    expect([(b.error as Error).message, (c.error as Error).message]).toEqual(["database away", "database away"]);
  });

  it("refuses a request whose append failed and goes on with the next", async () => {
    const { calls, append } = controlledAppend();
    const writer = new AuditWriter(append);
    const a = track(writer.write([entry("a")]));
    await settle();
    calls[0]?.finish(new Error("database away"));
    await settle();
    expect((a.error as Error).message).toBe("database away");
    const b = track(writer.write([entry("b")]));
    await settle();
    calls[1]?.finish();
    await settle();
    expect(b).toEqual({ done: true, error: undefined });
  });

  it("answers a request with no entries at once, without writing", async () => {
    const { calls, append } = controlledAppend();
    await new AuditWriter(append).write([]);
    expect(calls).toEqual([]);
  });
});

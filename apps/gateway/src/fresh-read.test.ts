import { describe, expect, it } from "vitest";
import { freshRead } from "./fresh-read.js";

/** A read whose answers the test releases by hand; each read answers the number of the read. */
function manualRead() {
  const pending: { settle: (fail?: Error) => void }[] = [];
  let reads = 0;
  const read = () =>
    new Promise<number>((resolve, reject) => {
      reads += 1;
      const n = reads;
      pending.push({
        settle: (fail) => {
          if (fail) reject(fail);
          else resolve(n);
        },
      });
    });
  return {
    read,
    get reads() {
      return reads;
    },
    /** Lets the oldest unsettled read answer (or fail). */
    settle(fail?: Error) {
      pending.shift()?.settle(fail);
    },
  };
}

const ticks = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe("freshRead", () => {
  it("starts a read for a call when none is in flight", async () => {
    const source = manualRead();
    const read = freshRead(source.read);
    const first = read();
    expect(source.reads).toBe(1);
    source.settle();
    await expect(first).resolves.toBe(1);
    const second = read();
    expect(source.reads).toBe(2);
    source.settle();
    await expect(second).resolves.toBe(2);
  });

  it("answers calls made during a read with one read started after it settles", async () => {
    const source = manualRead();
    const read = freshRead(source.read);
    const early = read();
    const late = [read(), read(), read()];
    // Joining the read in flight could answer them with a value read before they asked.
    expect(source.reads).toBe(1);
    source.settle();
    await expect(early).resolves.toBe(1);
    await ticks();
    expect(source.reads).toBe(2);
    source.settle();
    await expect(Promise.all(late)).resolves.toEqual([2, 2, 2]);
  });

  it("never answers a call with a read that started before it", async () => {
    const source = manualRead();
    const read = freshRead(source.read);
    const asked: { readsBefore: number; answer: Promise<number> }[] = [];
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i <= round % 3; i++) asked.push({ readsBefore: source.reads, answer: read() });
      source.settle();
      await ticks();
    }
    for (let i = 0; i < 3; i++) {
      source.settle();
      await ticks();
    }
    for (const { readsBefore, answer } of asked) expect(await answer).toBeGreaterThan(readsBefore);
    expect(source.reads).toBeLessThan(asked.length);
  });

  it("gives a failure to the calls that shared the read, and reads again for the next call", async () => {
    const source = manualRead();
    const read = freshRead(source.read);
    const first = read();
    const shared = [read(), read()];
    source.settle();
    await first;
    await ticks();
    source.settle(new Error("connection lost"));
    for (const call of shared) await expect(call).rejects.toThrow("connection lost");
    const after = read();
    expect(source.reads).toBe(3);
    source.settle();
    await expect(after).resolves.toBe(3);
  });

  it("turns a read that throws at once into a rejected answer", async () => {
    const read = freshRead<number>(() => {
      throw new Error("no connection");
    });
    await expect(read()).rejects.toThrow("no connection");
    await expect(read()).rejects.toThrow("no connection");
  });
});

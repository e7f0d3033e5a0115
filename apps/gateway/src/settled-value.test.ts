import { describe, expect, it } from "vitest";
import { remembered, settledValue } from "./settled-value.js";

describe("settledValue", () => {
  it("is undefined while the promise is pending and the value once it has resolved", async () => {
    let resolve!: (value: string) => void;
    const promise = remembered(new Promise<string>((r) => (resolve = r)));
    expect(settledValue(promise)).toBeUndefined();
    resolve("team");
    await promise;
    expect(settledValue(promise)).toBe("team");
  });

  it("knows nothing of a promise that was not remembered", async () => {
    const promise = Promise.resolve("team");
    await promise;
    expect(settledValue(promise)).toBeUndefined();
  });

  it("stays undefined after a rejection, which the caller still sees and nobody leaves unhandled", async () => {
    const promise = remembered(Promise.reject<string>(new Error("no team")));
    await expect(promise).rejects.toThrow("no team");
    expect(settledValue(promise)).toBeUndefined();
  });
});

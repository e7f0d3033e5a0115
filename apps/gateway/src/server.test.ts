import { request } from "node:http";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { listen } from "./server.js";
import type { GatewayYoga } from "./yoga.js";

/** A stand-in for the app: answers after `delayMs`. */
function slowApp(delayMs: number): GatewayYoga {
  const handler = (_req: unknown, res: { writeHead(status: number): void; end(body: string): void }) => {
    setTimeout(() => {
      res.writeHead(200);
      res.end("done");
    }, delayMs);
  };
  return handler as unknown as GatewayYoga;
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("graceful shutdown", () => {
  it("lets an in-flight request finish, then stops accepting connections", async () => {
    const running = await listen(slowApp(400), { host: "127.0.0.1", port: 0, logger: pino({ level: "silent" }) });
    const inFlight = get(`${running.url}/graphql`);
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    const closed = running.close(5_000);
    await expect(inFlight).resolves.toEqual({ status: 200, body: "done" });
    await closed;
    expect(performance.now() - started).toBeLessThan(4_000);
    await expect(get(`${running.url}/graphql`)).rejects.toThrow();
  });

  it("does not wait beyond the grace period for a request that never ends", async () => {
    const running = await listen(slowApp(5_000), { host: "127.0.0.1", port: 0, logger: pino({ level: "silent" }) });
    const stuck = get(`${running.url}/graphql`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const started = performance.now();
    await running.close(300);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(await stuck).toBeInstanceOf(Error);
  });
});

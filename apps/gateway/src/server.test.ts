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

describe("the request log", () => {
  it("logs the path without the query string, where a GET request's variables are", async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: "info" },
      {
        write: (line: string) => {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        },
      },
    );
    const running = await listen(slowApp(0), { host: "127.0.0.1", port: 0, logger });
    try {
      const variables = encodeURIComponent(JSON.stringify({ caseId: "0193a1b2-0000-7000-8000-00000000beef" }));
      await get(
        `${running.url}/graphql?query=${encodeURIComponent("query($caseId: String!) { case(caseId: $caseId) { caseId } }")}&variables=${variables}`,
      );
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      await running.close(1_000);
    }
    const request = lines.find((l) => l.msg === "request");
    expect(request).toMatchObject({ method: "GET", path: "/graphql", status: 200 });
    expect(JSON.stringify(lines)).not.toContain("beef");
  });
});

import { createConnection, createServer, type Server, type Socket } from "node:net";

/**
 * A loopback TCP proxy in front of PostgreSQL that counts the statements its clients send: each
 * simple-protocol query ('Q') and each extended-protocol Execute ('E') is one statement executed by
 * the server. It reads only the frontend's message headers and forwards every byte unchanged.
 *
 * Used only in a separate counting phase with sequential requests, never while latency is measured,
 * so the proxy's own cost does not enter any timing.
 */
export interface StatementCounter {
  port: number;
  /** Statements since start (or the last `reset`). */
  readonly statements: number;
  reset(): void;
  close(): Promise<void>;
}

// Request codes of the untyped messages a connection may start with: SSL, GSS encryption, cancel.
const untypedRequests = new Set([80877103, 80877104, 80877102]);

/** Counts statements in one client connection's byte stream. */
export class FrontendParser {
  private buffer: Buffer = Buffer.alloc(0);
  private startup = true;

  constructor(private readonly onStatement: () => void) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.startup) {
        // Startup-phase messages have no type byte: length (with itself), then a request code.
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        this.buffer = this.buffer.subarray(length);
        if (!untypedRequests.has(code)) this.startup = false;
        continue;
      }
      if (this.buffer.length < 5) return;
      const type = String.fromCharCode(this.buffer[0] ?? 0);
      const length = this.buffer.readInt32BE(1);
      if (this.buffer.length < 1 + length) return;
      if (type === "Q" || type === "E") this.onStatement();
      this.buffer = this.buffer.subarray(1 + length);
    }
  }
}

/** Starts a counting proxy on a free loopback port, forwarding to `target`. */
export async function startStatementCounter(target: { host: string; port: number }): Promise<StatementCounter> {
  let statements = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(target);
    sockets.add(client).add(upstream);
    const parser = new FrontendParser(() => {
      statements += 1;
    });
    client.on("data", (chunk: Buffer) => {
      parser.push(chunk);
      upstream.write(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("statement counter has no port");
  return {
    port: address.port,
    get statements() {
      return statements;
    },
    reset() {
      statements = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

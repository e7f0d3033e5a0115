import { Agent, type IncomingHttpHeaders, request } from "node:http";

/** One HTTP request exactly as sent: the hostile corpus needs raw bodies, odd methods and headers. */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** The request never got an HTTP answer: refused, reset, or no answer within the timeout. */
export class TransportError extends Error {
  override readonly name = "TransportError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A keep-alive HTTP client for one loopback origin. */
export interface HttpClient {
  send(raw: RawRequest): Promise<RawResponse>;
  close(): void;
}

export function createHttpClient(baseUrl: string, options: { maxSockets: number; timeoutMs: number }): HttpClient {
  const origin = new URL(baseUrl);
  if (origin.hostname !== "127.0.0.1" && origin.hostname !== "localhost" && origin.hostname !== "::1")
    throw new Error(`the reliability suite only targets loopback, not ${origin.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets });
  return {
    send: (raw) =>
      new Promise<RawResponse>((resolve, reject) => {
        const req = request(
          { host: origin.hostname, port: origin.port, method: raw.method, path: raw.path, headers: raw.headers, agent },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (chunk: Buffer) => chunks.push(chunk));
            res.on("end", () => {
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                text: Buffer.concat(chunks).toString("utf8"),
              });
            });
            res.on("error", (error: NodeJS.ErrnoException) => {
              reject(new TransportError(error.code ?? "RESPONSE_ERROR", error.message));
            });
          },
        );
        req.setTimeout(options.timeoutMs, () =>
          req.destroy(new TransportError("TIMEOUT", `no answer within ${String(options.timeoutMs)} ms`)),
        );
        req.on("error", (error: NodeJS.ErrnoException) => {
          reject(
            error instanceof TransportError ? error : new TransportError(error.code ?? "REQUEST_ERROR", error.message),
          );
        });
        req.end(raw.body);
      }),
    close: () => {
      agent.destroy();
    },
  };
}

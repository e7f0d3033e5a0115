import { createServer, type Server } from "node:http";
import type { Logger } from "pino";
import { type RequestLogFields, withRequestLog } from "./request-log.js";
import type { GatewayYoga } from "./yoga.js";

/** A listening gateway and its graceful shutdown. */
export interface RunningServer {
  server: Server;
  url: string;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then resolves. */
  close(graceMs: number): Promise<void>;
}

/** A request target without its query string. */
export function pathOf(url: string | undefined): string {
  const target = url ?? "";
  const query = target.indexOf("?");
  return query === -1 ? target : target.slice(0, query);
}

/** Serves the yoga app over HTTP, logging one line per request with its id, status and duration. */
export async function listen(
  yoga: GatewayYoga,
  options: { host: string; port: number; logger: Logger },
): Promise<RunningServer> {
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const server = createServer((req, res) => {
    inFlight += 1;
    const started = performance.now();
    // Filled in by the app (the server's request id, the caller's, the operation) and carried by
    // every line logged while the request is handled.
    const fields: RequestLogFields = {};
    res.on("close", () => {
      inFlight -= 1;
      if (options.logger.isLevelEnabled("info")) {
        // The path alone: a GET request's query string carries its GraphQL variables (ids of cases
        // and clients), which do not belong in the log.
        options.logger.info(
          {
            method: req.method,
            path: pathOf(req.url),
            status: res.statusCode,
            ms: Math.round(performance.now() - started),
            requestId: fields.requestId ?? null,
            ...(fields.correlationId === undefined ? {} : { correlationId: fields.correlationId }),
            operation: fields.operation ?? null,
          },
          "request",
        );
      }
      if (inFlight === 0 && drained) drained();
    });
    withRequestLog(fields, () => void yoga(req, res));
  });
  // Longer than the idle timeout of common load balancers and clients (60 s): the side that closes an
  // idle connection first must be the client, or a request sent at that moment is reset.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  const url = `http://${options.host === "0.0.0.0" ? "localhost" : options.host}:${String(port)}`;
  return {
    server,
    url,
    close: (graceMs) =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeIdleConnections();
        const timer = setTimeout(() => {
          server.closeAllConnections();
          resolve();
        }, graceMs);
        timer.unref();
        if (inFlight === 0) server.closeIdleConnections();
        drained = () => {
          server.closeIdleConnections();
        };
      }),
  };
}

import { createGraphQLError, type Plugin } from "graphql-yoga";
import { errorCodes, errorExtensions } from "../errors.js";

// Only a single non-negative integer is a Content-Length (several joined by commas are a request
// smuggling attempt).
const contentLength = /^\d+$/;

// Refused before its body was read, and the body's end cannot be found or is too far away: the
// connection is closed after the answer, since what is left of the body would otherwise stand in
// front of the client's next request.
const closeUnread = { connection: "close" };

/**
 * A refused body of a declared length up to this is read and thrown away after the answer (Node's
 * HTTP server does so for a body no one read), and the connection stays open. Closing at once
 * instead would reset the connection under a client still sending the body: its write fails, and
 * it may never read the 413.
 */
const drainableBytes = (maxBytes: number) => Math.max(4 * 1024 * 1024, 4 * maxBytes);

/**
 * Refuses request bodies over `maxBytes` with 413 before parsing them, whether or not the client
 * declared a length, and malformed JSON with 400 and a clear message. It is the gateway's only body
 * limit: graphql-yoga's own (`maxRequestBodySize`, switched off in `createGatewayYoga`) pipes every
 * body through a transform stream, which cost about a quarter of an empty request's time. JSON
 * bodies are read here, within the limit, whether or not their length was declared; the other kinds
 * graphql-yoga parses must declare a length within the limit.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== "POST") return;
      const length = request.headers.get("content-length");
      if (length !== null && !contentLength.test(length))
        throw createGraphQLError("The Content-Length header is invalid", {
          extensions: errorExtensions(errorCodes.badRequest, { status: 400 }),
        });
      if (Number(length ?? "0") > maxBytes) throw tooLarge(maxBytes, Number(length) > drainableBytes(maxBytes));
      const type = request.headers.get("content-type") ?? "";
      if (!type.includes("application/json") && !type.includes("application/graphql-response+json")) {
        if (type.includes("multipart/"))
          throw createGraphQLError("File uploads are not supported", {
            extensions: errorExtensions(errorCodes.badRequest, { status: 415 }),
          });
        // graphql-yoga reads these itself: with a declared length the HTTP framing bounds the body,
        // without one nothing would.
        if (length === null && request.body !== null)
          throw createGraphQLError("Send a Content-Length with a request body that is not JSON", {
            extensions: errorExtensions(errorCodes.badRequest, { status: 411, headers: closeUnread }),
          });
        return;
      }
      setRequestParser(async (req) => {
        const text = await readLimited(req, maxBytes);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw createGraphQLError("The request body is not valid JSON", {
            extensions: errorExtensions(errorCodes.badRequest, { status: 400 }),
          });
        }
        if (Array.isArray(body)) {
          const batch: unknown[] = body;
          if (batch.length === 0)
            throw createGraphQLError("The batch is empty: send at least one operation", {
              extensions: errorExtensions(errorCodes.badRequest, { status: 400 }),
            });
          if (!batch.every(isJsonObject))
            throw createGraphQLError("Each operation of a batch must be a JSON object with a `query` string", {
              extensions: errorExtensions(errorCodes.badRequest, { status: 400 }),
            });
          return batch;
        }
        if (!isJsonObject(body)) {
          throw createGraphQLError("The request body must be a JSON object with a `query` string", {
            extensions: errorExtensions(errorCodes.badRequest, { status: 400 }),
          });
        }
        return body;
      });
    },
  };
}

/** A JSON object, not an array: graphql-yoga then checks its fields as operation parameters. */
function isJsonObject(value: unknown): value is object {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** 413; `close`: the connection is closed after the answer (see `drainableBytes`). */
function tooLarge(maxBytes: number, close = true) {
  return createGraphQLError(`The request body is larger than ${String(maxBytes)} bytes`, {
    extensions: errorExtensions(errorCodes.payloadTooLarge, {
      status: 413,
      ...(close ? { headers: closeUnread } : {}),
    }),
  });
}

async function readLimited(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

import { createGraphQLError, type Plugin } from "graphql-yoga";

/**
 * Refuses request bodies over `maxBytes` with 413 before parsing them, whether or not the client
 * declared a length, and malformed JSON with 400 and a clear message.
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method !== "POST") return;
      const declared = Number(request.headers.get("content-length") ?? "0");
      if (declared > maxBytes) throw tooLarge(maxBytes);
      const type = request.headers.get("content-type") ?? "";
      if (!type.includes("application/json") && !type.includes("application/graphql-response+json")) {
        if (type.includes("multipart/")) throw createGraphQLError("File uploads are not supported", { extensions: { http: { status: 415 }, code: "BAD_REQUEST" } });
        return;
      }
      setRequestParser(async (req) => {
        const text = await readLimited(req, maxBytes);
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          throw createGraphQLError("The request body is not valid JSON", { extensions: { http: { status: 400 }, code: "BAD_REQUEST" } });
        }
        if (Array.isArray(body)) {
          if (body.length === 0) throw createGraphQLError("The batch is empty: send at least one operation", { extensions: { http: { status: 400 }, code: "BAD_REQUEST" } });
          return body as never;
        }
        if (body === null || typeof body !== "object") {
          throw createGraphQLError("The request body must be a JSON object with a `query` string", { extensions: { http: { status: 400 }, code: "BAD_REQUEST" } });
        }
        return body as never;
      });
    },
  };
}

function tooLarge(maxBytes: number) {
  return createGraphQLError(`The request body is larger than ${String(maxBytes)} bytes`, { extensions: { http: { status: 413 }, code: "PAYLOAD_TOO_LARGE" } });
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

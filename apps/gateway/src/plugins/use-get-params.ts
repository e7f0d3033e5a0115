import { createGraphQLError, type Plugin } from "graphql-yoga";
import { errorCodes, errorExtensions } from "../errors.js";

/**
 * A GET request's `variables` and `extensions` parameters must be JSON objects: refused with 400 and
 * a clear message before graphql-yoga parses them (which would otherwise fail as an internal error).
 */
export function useGetParams(): Plugin {
  return {
    onRequestParse({ request, url }) {
      if (request.method !== "GET") return;
      for (const name of ["variables", "extensions"]) {
        const value = url.searchParams.get(name);
        if (value === null || value === "") continue;
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          parsed = undefined;
        }
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
          throw createGraphQLError(`The \`${name}\` parameter must be a JSON object`, {
            extensions: errorExtensions(errorCodes.badRequest, { status: 400 }),
          });
        }
      }
    },
  };
}

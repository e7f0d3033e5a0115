import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import { type ErrorCode, errorCodes, errorExtensions, forbidden, unauthenticated } from "./errors.js";

describe("request-level error codes", () => {
  it("are one closed union that extensions are built from", () => {
    expectTypeOf<ErrorCode>().toEqualTypeOf<
      | "UNAUTHENTICATED"
      | "FORBIDDEN"
      | "BAD_REQUEST"
      | "BAD_USER_INPUT"
      | "GRAPHQL_VALIDATION_FAILED"
      | "QUERY_TOO_COMPLEX"
      | "PAYLOAD_TOO_LARGE"
      | "PERSISTED_OPERATION_NOT_FOUND"
      | "PERSISTED_OPERATION_REQUIRED"
      | "SERVICE_UNAVAILABLE"
      | "INTERNAL_SERVER_ERROR"
    >();
    expectTypeOf(errorExtensions).parameter(0).toEqualTypeOf<ErrorCode>();
    expect(errorExtensions(errorCodes.payloadTooLarge, { status: 413 })).toEqual({
      code: "PAYLOAD_TOO_LARGE",
      http: { status: 413 },
    });
    expect(errorExtensions(errorCodes.forbidden)).toEqual({ code: "FORBIDDEN" });
    expect(unauthenticated("TOKEN_EXPIRED").extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      http: { status: 401 },
    });
    expect(forbidden().extensions).toEqual({ code: "FORBIDDEN" });
  });

  it("are each documented for the frontends (docs/gateway.md)", () => {
    const docs = readFileSync(new URL("../../../docs/gateway.md", import.meta.url), "utf8");
    const section = docs.slice(docs.indexOf("**Request-level errors**"), docs.indexOf("## Localisation"));
    expect(Object.values(errorCodes).filter((code) => !section.includes(`\`${code}\``))).toEqual([]);
  });
});

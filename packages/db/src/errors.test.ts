import { describe, expect, it } from "vitest";
import { constraintViolation, isConnectionError, isDataException } from "./errors.js";

describe("constraintViolation", () => {
  it("reads postgres.js and PGlite errors, also wrapped", () => {
    expect(constraintViolation({ code: "23505", constraint_name: "staff_login_unique" })).toMatchObject({
      kind: "unique",
      code: "DB.UNIQUE",
      constraint: "staff_login_unique",
    });
    expect(constraintViolation({ message: "Failed query", cause: { code: "23P01", constraint: "x" } })).toMatchObject({
      kind: "exclusion",
      code: "DB.EXCLUSION",
      constraint: "x",
    });
    expect(constraintViolation({ code: "23503" })).toMatchObject({ code: "DB.FOREIGN_KEY", constraint: null });
  });

  it("returns null for anything else", () => {
    expect(constraintViolation(new Error("boom"))).toBeNull();
    expect(constraintViolation({ code: "42601" })).toBeNull();
    expect(constraintViolation("text")).toBeNull();
  });
});

describe("isConnectionError", () => {
  it("recognises a database that is away", () => {
    expect(isConnectionError({ code: "ECONNREFUSED" })).toBe(true);
    expect(isConnectionError({ cause: { code: "57P01" } })).toBe(true);
    expect(isConnectionError({ code: "08006" })).toBe(true);
    expect(isConnectionError({ message: "Failed query", cause: new Error("PGlite is closed") })).toBe(true);
    expect(isConnectionError({ code: "23505" })).toBe(false);
    expect(isConnectionError(null)).toBe(false);
  });
});

describe("isDataException", () => {
  it("recognises a value the database cannot take, also wrapped", () => {
    expect(isDataException({ code: "22021" })).toBe(true);
    expect(isDataException({ message: "Failed query", cause: { code: "22003" } })).toBe(true);
    expect(isDataException({ code: "23505" })).toBe(false);
    expect(isDataException(new Error("boom"))).toBe(false);
  });
});

import { isLocalDate } from "@ankkuri/domain";
import { GraphQLError, Kind } from "graphql";
import { errorCodes } from "../errors.js";
import { builder } from "../builder.js";

builder.scalarType("Date", {
  description: "A calendar day (päivämäärä) in ISO 8601 form, YYYY-MM-DD, without time or zone.",
  serialize: (value) => value,
  parseValue: (value) => {
    if (typeof value === "string" && isLocalDate(value)) return value;
    throw new GraphQLError("Expected a calendar date YYYY-MM-DD (e.g. 2025-05-01)", {
      extensions: { code: errorCodes.badUserInput, http: { status: 400 } },
    });
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING && isLocalDate(ast.value)) return ast.value;
    throw new GraphQLError("Expected a calendar date YYYY-MM-DD (e.g. 2025-05-01)", {
      extensions: { code: errorCodes.badUserInput, http: { status: 400 } },
    });
  },
});

builder.scalarType("DateTime", {
  description: "An instant (aikaleima) in ISO 8601 form with a UTC offset, e.g. 2025-05-01T08:30:00.000Z.",
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: (value) => {
    const date = typeof value === "string" ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError("Expected an ISO 8601 date-time", {
        extensions: { code: errorCodes.badUserInput, http: { status: 400 } },
      });
    return date;
  },
});

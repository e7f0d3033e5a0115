import { describe, expect, it } from "vitest";
import { ConfigurationError, loadGatewayConfig } from "./env.js";

const production = {
  NODE_ENV: "production",
  OIDC_ISSUER: "https://login.example.fi",
  DATABASE_URL: "postgres://ankkuri@db.example.fi/ankkuri",
};

describe("CORS_ORIGINS", () => {
  it("allows no browser origin in production and loopback origins in development by default", () => {
    expect(loadGatewayConfig(production).cors).toEqual({ loopback: false, origins: [] });
    expect(loadGatewayConfig({ NODE_ENV: "development" }).cors).toEqual({ loopback: true, origins: [] });
  });

  it("takes a list of exact origins, `loopback` and `none`", () => {
    expect(
      loadGatewayConfig({ ...production, CORS_ORIGINS: "https://a.example.fi, loopback,https://b.example.fi:8443" })
        .cors,
    ).toEqual({ loopback: true, origins: ["https://a.example.fi", "https://b.example.fi:8443"] });
    expect(loadGatewayConfig({ NODE_ENV: "development", CORS_ORIGINS: "none" }).cors).toEqual({
      loopback: false,
      origins: [],
    });
  });

  it("refuses a wildcard, a path or anything that is not an origin", () => {
    for (const bad of ["*", "https://a.example.fi/app", "a.example.fi", "null"])
      expect(() => loadGatewayConfig({ CORS_ORIGINS: bad }), bad).toThrow(ConfigurationError);
  });
});

describe("start-up refusals", () => {
  const problemsOf = (env: Record<string, string>): readonly string[] => {
    try {
      loadGatewayConfig(env);
    } catch (error) {
      if (error instanceof ConfigurationError) return error.problems;
      throw error;
    }
    return [];
  };

  it("refuses production on the embedded database unless allowed", () => {
    const { DATABASE_URL: _url, ...embedded } = production;
    expect(problemsOf(embedded)).toEqual([expect.stringMatching(/^DATABASE_URL is required in production/)]);
    expect(problemsOf({ ...embedded, ALLOW_EMBEDDED_IN_PRODUCTION: "true" })).toEqual([]);
    expect(problemsOf(production)).toEqual([]);
  });

  it("lists every problem at once, each naming its setting", () => {
    const problems = problemsOf({ PORT: "http", MAX_DEPTH: "1000", CORS_ORIGINS: "*" });
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/PORT/);
    expect(problems.join("\n")).toMatch(/MAX_DEPTH/);
    expect(problems.join("\n")).toMatch(/CORS_ORIGINS/);
    expect(problemsOf({ NODE_ENV: "production", AUDIT_LOG: "off" })).toHaveLength(3);
  });
});

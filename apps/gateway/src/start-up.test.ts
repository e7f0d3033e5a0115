import { DatabaseLockedError, KeyConfigurationError } from "@ankkuri/db";
import { describe, expect, it } from "vitest";
import { ConfigurationError } from "./env.js";
import { type Banner, bannerFields, bannerLines, startFailureLines } from "./start-up.js";

describe("start-up failures", () => {
  it("print one line per problem, with no stack", () => {
    expect(startFailureLines(new ConfigurationError(["PORT: bad", "CORS_ORIGINS: bad"]))).toEqual([
      "PORT: bad",
      "CORS_ORIGINS: bad",
    ]);
    expect(startFailureLines(new KeyConfigurationError(["ANKKURI_AUDIT_KEY is not set", "x"]))).toHaveLength(2);
    expect(startFailureLines(new DatabaseLockedError("/data/pglite", 4242))[0]).toMatch(/in use by process 4242/);
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432 postgres://ankkuri:secret@db"), {
      code: "ECONNREFUSED",
    });
    const [line] = startFailureLines(refused);
    expect(line).toMatch(/database cannot be reached \(ECONNREFUSED\)/);
    expect(line).not.toContain("secret");
    const busy = Object.assign(new Error("listen EADDRINUSE"), {
      code: "EADDRINUSE",
      port: 4000,
      address: "127.0.0.1",
    });
    expect(startFailureLines(busy)).toEqual([expect.stringMatching(/127\.0\.0\.1:4000 is already in use/)]);
    const odd = new Error("first line\n    at secret (/src/x.ts:1:1)");
    expect(startFailureLines(odd)).toEqual(["could not start: first line"]);
  });
});

describe("the start banner", () => {
  const banner: Banner = {
    readyMs: 2900,
    node: "24.21.0",
    graphql: "http://127.0.0.1:4000/graphql",
    graphiql: true,
    webApp: "http://127.0.0.1:4000/app/",
    health: "http://127.0.0.1:4000/health, http://127.0.0.1:4000/ready",
    metrics: "http://127.0.0.1:9464/metrics",
    database: { engine: "pglite", dataDir: "/home/u/ankkuri/.data" },
    developmentLogin: "maria.jarvinen",
    issuer: null,
    dataDirSetting: undefined,
  };

  it("gives hints that work as printed on a fresh machine", () => {
    const text = bannerLines(banner).join("\n");
    expect(text).toContain("npx -y pnpm@10.34.9 dev-token");
    // The token variable the curl example uses is set by the line before it.
    expect(text).toContain("TOKEN=$(npx -y pnpm@10.34.9 -s dev-token maria.jarvinen)");
    expect(text).toContain('-H "Authorization: Bearer $TOKEN"');
    expect(text).toContain("Web app:   http://127.0.0.1:4000/app/");
    expect(text).toMatch(/stop the gateway.*\n.*db:synth --scale 1/);
    expect(text).not.toMatch(/^\s*pnpm /m);
  });

  it("says how to authenticate in its log-line form too (output not to a terminal)", () => {
    expect(bannerFields(banner)).toMatchObject({
      graphql: "http://127.0.0.1:4000/graphql",
      authentication: expect.stringContaining("npx -y pnpm@10.34.9 -s dev-token maria.jarvinen") as unknown,
    });
    expect(bannerFields({ ...banner, developmentLogin: null, issuer: "https://login.example.fi" })).toMatchObject({
      authentication: "Authorization: Bearer <token> of https://login.example.fi",
    });
  });

  it("repeats a DATA_DIR the user set, so the hints open the same folder", () => {
    const text = bannerLines({ ...banner, dataDirSetting: "/tmp/demo" }).join("\n");
    expect(text).toContain("TOKEN=$(DATA_DIR=/tmp/demo npx -y pnpm@10.34.9 -s dev-token maria.jarvinen)");
    expect(text).toContain("DATA_DIR=/tmp/demo npx -y pnpm@10.34.9 db:synth");
  });
});

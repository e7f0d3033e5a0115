import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateKeySettings, keySettingsEnv, prepareTemplate } from "@ankkuri/db";
import { mintDevToken, runTypeScript, startTypeScript } from "@ankkuri/processes";
import { afterAll, describe, expect, it } from "vitest";
import { runningGatewayUsers } from "../src/auth/dev-users.js";
import { buildBundle } from "../src/bundle/build-bundle.js";
import { helsinkiDataFolder } from "../src/data-folder.js";

const main = fileURLToPath(new URL("../src/main.ts", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "ankkuri-start-"));

// What a new user meets when the gateway cannot start: one clear line per problem and exit 1.
describe("a gateway that cannot start", () => {
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (env: Record<string, string>) =>
    runTypeScript(main, { env: { DATA_DIR: dataDir, LOG_LEVEL: "warn", ...env }, timeoutMs: 120_000 });

  function expectClearFailure(result: Awaited<ReturnType<typeof start>>, lines: RegExp[]) {
    expect(result.exit, result.output).toBe(1);
    const said = result.stderr.split("\n").filter((l) => l.startsWith("ankkuri gateway: "));
    expect(said, result.output).toHaveLength(lines.length);
    lines.forEach((line, i) => {
      expect(said[i]).toMatch(line);
    });
    expect(result.output).not.toMatch(/\bat .+:\d+:\d+|\.ts:\d+|^\s*\^/m);
  }

  it("lists every bad setting", async () => {
    const result = await start({ NODE_ENV: "production", PORT: "http", CORS_ORIGINS: "*" });
    expectClearFailure(result, [/^ankkuri gateway: PORT/, /^ankkuri gateway: CORS_ORIGINS/]);
  }, 180_000);

  it("refuses production on the embedded database", async () => {
    const result = await start({ NODE_ENV: "production", OIDC_ISSUER: "https://login.example.fi" });
    expectClearFailure(result, [/DATABASE_URL is required in production.*ALLOW_EMBEDDED_IN_PRODUCTION/]);
  }, 180_000);

  it("names every missing key for PostgreSQL", async () => {
    const result = await start({ DATABASE_URL: "postgres://ankkuri@127.0.0.1:1/ankkuri" });
    expectClearFailure(result, [/ANKKURI_IDENTITY_KEYS/, /ANKKURI_IDENTITY_HMAC_KEY/, /ANKKURI_AUDIT_KEY/]);
  }, 180_000);

  it("says the database cannot be reached", async () => {
    const result = await start({
      DATABASE_URL: "postgres://ankkuri:not-shown@127.0.0.1:1/ankkuri",
      ...keySettingsEnv(generateKeySettings()),
    });
    expectClearFailure(result, [/the database cannot be reached/]);
    expect(result.output).not.toContain("not-shown");
  }, 180_000);
});

// A new data folder starts as a copy of the data folder `pnpm install` prepared instead of initdb, migrations and seed.
describe("a gateway on a new embedded data folder", () => {
  const root = mkdtempSync(join(tmpdir(), "ankkuri-start-prepared-"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("restores the prepared database and answers, with the seed's users", async () => {
    const templateDir = join(root, "prepared");
    await prepareTemplate(templateDir, helsinkiDataFolder);
    const gateway = startTypeScript(main, {
      env: {
        DATA_DIR: join(root, "data"),
        DATA_TEMPLATE_DIR: templateDir,
        PORT: "0",
        METRICS_PORT: "0",
        LOG_LEVEL: "info",
        GRAPHIQL: "off",
      },
    });
    try {
      const [, url] = await gateway.waitForOutput(/"graphql":"(http:[^"]+)"/, 500_000);
      expect(gateway.output()).toContain("restored the prepared Helsinki Ankkuri database");
      expect(gateway.output()).not.toContain("seeded the Helsinki Ankkuri dataset");
      // The users the development issuer signs for are read from the restored database.
      expect(runningGatewayUsers(join(root, "data"))?.map((u) => u.login)).toContain("maria.jarvinen");
      const res = await fetch(url ?? "", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      expect(await res.json()).toEqual({ data: { __typename: "Query" } });
    } finally {
      await gateway.stop();
    }
  }, 600_000);
});

// `pnpm start` runs the gateway from its bundle: it must find what its modules find beside them (the
// migrations and seed, PGlite's files, the development issuer's users) and answer as the source does.
describe("the gateway's bundle", () => {
  const root = mkdtempSync(join(tmpdir(), "ankkuri-start-bundle-"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("starts on a new data folder and answers a signed-in user", async () => {
    const outdir = join(root, "bundle");
    await buildBundle(outdir);
    const dataDir = join(root, "data");
    const gateway = startTypeScript(join(outdir, "main.mjs"), {
      env: { DATA_DIR: dataDir, PORT: "0", METRICS_PORT: "0", LOG_LEVEL: "info", GRAPHIQL: "off" },
    });
    try {
      const [, url] = await gateway.waitForOutput(/"graphql":"(http:[^"]+)"/, 500_000);
      const token = await mintDevToken("maria.jarvinen", dataDir);
      const res = await fetch(url ?? "", {
        method: "POST",
        headers: { "content-type": "application/json", "authorization": `Bearer ${token}` },
        body: JSON.stringify({ query: "{ viewer { login } }" }),
      });
      expect(await res.json()).toEqual({ data: { viewer: { login: "maria.jarvinen" } } });
    } finally {
      await gateway.stop();
    }
  }, 600_000);
});

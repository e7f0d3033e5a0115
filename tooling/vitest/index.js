// @ts-check
import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, mergeConfig } from "vitest/config";

/**
 * Base vitest configuration. Workspace packages resolve each other through the `@ankkuri/source`
 * export condition, so tests run against TypeScript sources without a build step.
 *
 * @param {import("vitest/config").ViteUserConfig} [overrides]
 */
export function defineProjectConfig(overrides = {}) {
  const globalSetup = overrides.test?.globalSetup;
  return mergeConfig(
    defineConfig({
      resolve: { conditions: ["@ankkuri/source"] },
      ssr: { resolve: { conditions: ["@ankkuri/source"] } },
      // Global setup files run in the server's own environment; give it the same condition.
      environments: { __vitest__: { resolve: { conditions: ["@ankkuri/source"] } } },
      test: {
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        environment: "node",
        // Test files of a worker share its module cache: a third of a package's test time went to
        // importing the same modules again for each file. The tests keep no module-level state between
        // files (no module mocks; each database, gateway and clock is made by the test that uses it).
        isolate: false,
        coverage: {
          provider: "v8",
          include: ["src/**/*.ts"],
          exclude: ["src/**/*.test.ts", "src/**/*.fixture.ts"],
          reporter: ["text-summary", "json-summary"],
        },
      },
    }),
    globalSetup === undefined
      ? overrides
      : {
          ...overrides,
          test: {
            ...overrides.test,
            globalSetup: [globalSetup].flat().map((entry) => sourceEntry(entry, overrides.root ?? process.cwd())),
          },
        },
  );
}

/**
 * The source file of a workspace package's export (`@ankkuri/db/testing/global-setup`), as the
 * `@ankkuri/source` condition picks it. Vitest resolves global setup files with Node's default
 * conditions, which would pick the unbuilt `dist/`; a relative path into the other package's `src/`
 * would bypass its exports map. Other entries are returned as given.
 *
 * @param {string} entry
 * @param {string} root the package whose `node_modules` holds the dependency
 */
function sourceEntry(entry, root) {
  const match = /^(@ankkuri\/[^/]+)(\/.*)?$/.exec(entry);
  if (match === null) return entry;
  const [, name, subpath = ""] = match;
  const dir = realpathSync(join(root, "node_modules", name ?? ""));
  /** @type {{ exports?: Record<string, Record<string, string>> }} */
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const source = manifest.exports?.[`.${subpath}`]?.["@ankkuri/source"];
  if (source === undefined) throw new Error(`${entry}: ${name ?? ""} exports no such entry for @ankkuri/source`);
  return join(dir, source);
}

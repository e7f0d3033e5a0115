// @ts-check
import { defineConfig, mergeConfig } from "vitest/config";

/**
 * Base vitest configuration. Workspace packages resolve each other through the `@ankkuri/source`
 * export condition, so tests run against TypeScript sources without a build step.
 *
 * @param {import("vitest/config").ViteUserConfig} [overrides]
 */
export function defineProjectConfig(overrides = {}) {
  return mergeConfig(
    defineConfig({
      resolve: { conditions: ["@ankkuri/source"] },
      ssr: { resolve: { conditions: ["@ankkuri/source"] } },
      // Global setup files run in the server's own environment; give it the same condition.
      environments: { __vitest__: { resolve: { conditions: ["@ankkuri/source"] } } },
      test: {
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        environment: "node",
        coverage: {
          provider: "v8",
          include: ["src/**/*.ts"],
          exclude: ["src/**/*.test.ts", "src/**/*.fixture.ts"],
          reporter: ["text-summary", "json-summary"],
        },
      },
    }),
    overrides,
  );
}

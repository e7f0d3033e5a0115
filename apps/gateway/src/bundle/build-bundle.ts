import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { keepModuleLocation } from "./keep-module-location.js";

/** Where `pnpm start` runs the gateway from: `main.mjs` and the chunks it loads. */
export const bundleDir = fileURLToPath(new URL("../../dist/start", import.meta.url));
export const bundleMain = `${bundleDir}/main.mjs`;

/**
 * The gateway and everything it imports as a few ES modules, so that a start loads a handful of files
 * instead of some 1 200 modules through the TypeScript loader. `main.ts` stays its own chunk: it turns
 * on the compile cache before the rest is loaded. Nothing is left out: packages keep their own files
 * (see `keepModuleLocation`), so the bundle runs only inside the installation that built it.
 */
export async function buildBundle(outdir = bundleDir): Promise<void> {
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { main: fileURLToPath(new URL("../main.ts", import.meta.url)) },
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node24",
    conditions: ["@ankkuri/source"],
    plugins: [keepModuleLocation],
    // CommonJS packages inside an ES module bundle still call `require` for Node's own modules.
    banner: {
      js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);",
    },
    sourcemap: "linked",
    logLevel: "warning",
  });
}

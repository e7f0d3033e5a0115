import { readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import type { Plugin } from "esbuild";

const locationTokens = /import\.meta\.url|\b__dirname\b|\b__filename\b/;

/**
 * A module's source with its own location written in: `import.meta.url`, `__dirname` and `__filename`
 * name the file it was written as, not the bundle. The gateway finds files beside its modules (the
 * migrations, the report fonts, PGlite's WebAssembly and data, pdfkit's font metrics); in the bundle
 * they stay where the installation put them.
 */
export function withModuleLocation(source: string, path: string): string {
  return source
    .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href))
    .replace(/\b__dirname\b/g, JSON.stringify(dirname(path)))
    .replace(/\b__filename\b/g, JSON.stringify(path));
}

/** The esbuild plugin that applies {@link withModuleLocation} to every module that names its location. */
export const keepModuleLocation: Plugin = {
  name: "keep-module-location",
  setup(build) {
    build.onLoad({ filter: /\.(?:[cm]?js|[cm]?ts)$/ }, async ({ path }) => {
      const source = await readFile(path, "utf8");
      if (!locationTokens.test(source)) return undefined;
      return {
        contents: withModuleLocation(source, path),
        loader: /\.[cm]?ts$/.test(path) ? "ts" : "js",
        resolveDir: dirname(path),
      };
    });
  },
};

#!/usr/bin/env node
// @ts-check
// Workspace rules that no per-package linter can see:
// 1. every dependency of every workspace package uses `catalog:` or `workspace:` (one version each);
// 2. no source file imports another package's internals (`@ankkuri/x/src/...`), nor reaches into
//    another package's `src/` by a relative path (`../../packages/x/src/...`);
// 3. apps depend only on packages: an app that needs another app's code needs a package instead,
//    and one that needs the app itself runs it as a process.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

const root = process.cwd();
const groups = ["apps", "packages", "tooling"];
const fields = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
const problems = [];

/** @param {string} dir */
function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|js|mjs)$/.test(name)) yield path;
  }
}

const manifests = [join(root, "package.json")];
for (const group of groups) {
  let entries = [];
  try {
    entries = readdirSync(join(root, group));
  } catch {
    continue;
  }
  for (const name of entries) {
    const manifest = join(root, group, name, "package.json");
    try {
      statSync(manifest);
      manifests.push(manifest);
    } catch {
      // a folder without a manifest is not a workspace package
    }
  }
}

const packageDirs = manifests.slice(1).map((manifest) => dirname(manifest));
const appNames = new Set(
  manifests
    .filter((manifest) => relative(root, manifest).startsWith(`apps${sep}`))
    .map((manifest) => JSON.parse(readFileSync(manifest, "utf8")).name),
);

/**
 * The other workspace package whose `src/` a relative `path` written in `file` reaches into, if any.
 * @param {string} file
 * @param {string} path
 */
function foreignSource(file, path) {
  const target = resolve(dirname(file), path);
  for (const dir of packageDirs) {
    const inside = relative(dir, target);
    if (inside.startsWith("..") || isAbsolute(inside)) continue;
    if (file.startsWith(dir + sep)) return null;
    return inside === "src" || inside.startsWith(`src${sep}`) ? relative(root, dir) : null;
  }
  return null;
}

for (const manifest of manifests) {
  const pkg = JSON.parse(readFileSync(manifest, "utf8"));
  const isApp = relative(root, manifest).startsWith(`apps${sep}`);
  for (const field of fields) {
    for (const [dep, spec] of Object.entries(pkg[field] ?? {})) {
      if (!String(spec).startsWith("catalog:") && !String(spec).startsWith("workspace:")) {
        problems.push(
          `${relative(root, manifest)}: ${field}.${dep} is "${spec}"; use "catalog:" (pnpm-workspace.yaml) or "workspace:"`,
        );
      }
      if (isApp && appNames.has(dep)) {
        problems.push(
          `${relative(root, manifest)}: ${field}.${dep} is an app; move the shared code into a package, or start the app as a process`,
        );
      }
    }
  }
  if (manifest === join(root, "package.json")) continue;
  const dir = join(manifest, "..");
  for (const file of sourceFiles(dir)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/from\s+["'](@ankkuri\/[^"']+\/src\/[^"']*)["']/g)) {
      problems.push(`${relative(root, file)}: deep import "${match[1]}"; import the package's public entry point`);
    }
    for (const match of text.matchAll(/(["'`])(\.{1,2}\/[^"'`\s]*)\1/g)) {
      const other = foreignSource(file, match[2] ?? "");
      if (other !== null)
        problems.push(`${relative(root, file)}: "${match[2]}" reaches into ${other}/src; use the package's exports`);
    }
  }
}

if (problems.length > 0) {
  process.stderr.write(
    `workspace lint: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join("\n")}\n`,
  );
  process.exit(1);
}
process.stdout.write(`workspace lint: ${manifests.length} manifests ok\n`);

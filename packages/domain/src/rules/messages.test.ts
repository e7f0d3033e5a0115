import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { accessRoles } from "../access/roles.js";
import { professions } from "../staffing/profession.js";

/**
 * Every message a person reads (a rule's violation, a verb's refusal, a request error) is an object
 * literal `{ fi, sv, en }` in the source. This walks all of them in the workspace's packages and apps,
 * so a message added anywhere without Swedish, or naming a record by its id or a code, fails here.
 */
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const sourceRoots = ["packages", "apps"].flatMap((dir) =>
  readdirSync(join(root, dir)).map((name) => join(root, dir, name, "src")),
);

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" || e.name === "synth" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.(test|fixture|bench)\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts")
      ? [path]
      : [];
  });
}

interface MessageLiteral {
  where: string;
  languages: string[];
  /** The literal text of each language, with interpolations as `${expression}`. */
  texts: string[];
}

const propertyName = (p: ts.ObjectLiteralElementLike) =>
  (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) &&
  (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))
    ? p.name.text
    : null;

/** Packages whose every `{ fi, en }` is a message or a name shown to staff. */
const messagePackages = /\/(packages\/(domain|db)|apps\/gateway)\/src\//;

/**
 * Elsewhere only the messages of errors count: the report documents carry their own labels in a
 * versioned format (fi/en), which is not a message about a rule.
 */
function isMessage(file: string, node: ts.ObjectLiteralExpression): boolean {
  if (messagePackages.test(file)) return true;
  const call = node.parent;
  return (
    (ts.isNewExpression(call) || ts.isCallExpression(call)) &&
    /(Error|Failure|violation)$/.test(call.expression.getText())
  );
}

function messageLiterals(file: string): MessageLiteral[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: MessageLiteral[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isObjectLiteralExpression(node)) {
      const languages = node.properties.map(propertyName).filter((n): n is string => n !== null);
      // A message: Finnish and English side by side, where people read it (see `isMessage`).
      if (languages.includes("fi") && languages.includes("en") && isMessage(file, node)) {
        const texts = node.properties.flatMap((p) =>
          ts.isPropertyAssignment(p) && ["fi", "sv", "en"].includes(propertyName(p) ?? "")
            ? [p.initializer.getText(source)]
            : [],
        );
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push({ where: `${relative(root, file)}:${String(line + 1)}`, languages, texts });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const messages = sourceRoots.flatMap(sourceFiles).flatMap(messageLiterals);

/** What a message must never show: organisation ids, profession or role codes, ids interpolated. */
const codes = [...new Set<string>([...professions, ...accessRoles])].filter((c) => c.includes("-"));
const rawIdentifiers: [string, RegExp][] = [
  ["an organisation id", /\borg-[a-z0-9-]+/],
  ["a staff or body id", /\b(st|body|seat)-[a-z0-9-]+/],
  ["a profession or role code", new RegExp(`(?<![\\w-])(${codes.join("|")})(?![\\w-])`)],
  ["an interpolated id or code", /\$\{\s*[\w.?]*\b(id|[a-zA-Z]+Id|ids|[a-zA-Z]+Ids|profession|kind)\s*\}/],
];

describe("messages for people (fi/sv/en, names not ids)", () => {
  it("finds the messages it checks (the walk itself works)", () => {
    expect(messages.length).toBeGreaterThan(150);
    expect(messages.some((m) => m.where.startsWith("packages/reports/"))).toBe(true);
    expect(messages.some((m) => m.where.startsWith("apps/gateway/"))).toBe(true);
  });

  it("has every message in Finnish, Swedish and English", () => {
    expect(messages.filter((m) => !m.languages.includes("sv")).map((m) => m.where)).toEqual([]);
  });

  it.each(rawIdentifiers)("names no record by %s", (_what, pattern) => {
    expect(messages.filter((m) => m.texts.some((t) => pattern.test(t))).map((m) => m.where)).toEqual([]);
  });
});

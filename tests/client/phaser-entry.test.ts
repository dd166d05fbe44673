// The client gets Phaser from client/engine/phaser.js (vite.config.ts), which loads only the parts
// the game uses. TypeScript sees all of Phaser's types, so it cannot tell when the client starts
// to use a part the entry leaves out: that would fail only in the browser. This does: every game
// object the client adds or makes, every optional scene system it reaches (this.time, this.tweens)
// and every Phaser.X value it reads must be loaded by the entry.
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const ENTRY = join(ROOT, "client/engine/phaser.js");
const PHASER_SRC = join(dirname(createRequire(import.meta.url).resolve("phaser/package.json")), "src");

/** Scene systems a scene has only when their plugin is loaded, by the name a scene reaches them by. */
const OPTIONAL_SYSTEMS = ["time", "tweens", "input", "load", "data", "lights", "physics", "matter", "sound"];

function clientFiles(dir = join(ROOT, "client")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? clientFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

const usesPhaser = clientFiles()
  .map((file) => ({ file: file.slice(ROOT.length + 1), code: readFileSync(file, "utf8") }))
  .filter((f) => /from "phaser"/.test(f.code));

const entry = ts.createSourceFile(ENTRY, readFileSync(ENTRY, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
/** Phaser source files the entry imports, and the names it binds them to. */
const imported: string[] = [];
const bound = new Map<string, string>();
for (const s of entry.statements) {
  if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
  const path = s.moduleSpecifier.text.replace(/^phaser\/src\//, `${PHASER_SRC}/`);
  imported.push(path);
  const name = s.importClause?.name?.text;
  if (name) bound.set(name, path);
}
const sources = imported.map((p) => readFileSync(p, "utf8"));
const registered = (pattern: RegExp) => new Set(sources.flatMap((code) => [...code.matchAll(pattern)].map((m) => m[1]!)));
const factories = registered(/GameObjectFactory\.register\('(\w+)'/g);
const creators = registered(/GameObjectCreator\.register\('(\w+)'/g);
const plugins = registered(/PluginCache\.register\('\w+', \w+, '(\w+)'/g);

/** Whether the entry's default export has `path` (Phaser.A.B...): through its object literals down
 *  to a Phaser module, whose own members are Phaser's business. */
function provides(path: string[]): boolean {
  const decl = entry.statements
    .filter(ts.isVariableStatement)
    .flatMap((s) => [...s.declarationList.declarations])
    .find((d) => ts.isIdentifier(d.name) && d.name.text === "Phaser");
  let node: ts.Expression | undefined = decl?.initializer;
  for (const name of path) {
    if (!node || !ts.isObjectLiteralExpression(node)) return node !== undefined && ts.isIdentifier(node) && bound.has(node.text);
    let next: ts.Expression | undefined;
    for (const p of node.properties) {
      if (ts.isPropertyAssignment(p) && p.name.getText() === name) next = p.initializer;
      else if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) next = p.name;
      else if (ts.isSpreadAssignment(p) && ts.isIdentifier(p.expression)) {
        const from = bound.get(p.expression.text);
        if (from && new RegExp(`^\\s+${name}:`, "m").test(readFileSync(from, "utf8"))) next = p.expression;
      }
    }
    node = next;
  }
  return node !== undefined;
}

/** Phaser.X.Y read as values (types are QualifiedNames and need nothing at run time). */
function valueUses(file: string, code: string): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isPropertyAccessExpression(n) && !ts.isPropertyAccessExpression(n.parent)) {
      const text = n.getText().replace(/\s+/g, "");
      if (/^Phaser\.[\w.]+$/.test(text)) out.push(text);
    }
    ts.forEachChild(n, visit);
  };
  visit(ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true));
  return out;
}

describe("the Phaser entry", () => {
  it("registers every game object the client adds or makes", () => {
    const missing: string[] = [];
    for (const { file, code } of usesPhaser)
      for (const [, kind, name] of code.matchAll(/\b(add|make)\s*\.\s*(\w+)\s*\(/g))
        if (!(kind === "add" ? factories : creators).has(name!)) missing.push(`${file}: ${kind}.${name}`);
    expect(missing).toEqual([]);
    // The check sees them at all.
    expect([...factories]).toContain("image");
  });

  it("loads every optional scene system the client uses", () => {
    const missing: string[] = [];
    const reach = new RegExp(`\\b(?:this|scene|this\\.scene)\\s*\\.\\s*(${OPTIONAL_SYSTEMS.join("|")})\\b`, "g");
    for (const { file, code } of usesPhaser) for (const [, name] of code.matchAll(reach)) if (!plugins.has(name!)) missing.push(`${file}: ${name}`);
    expect(missing).toEqual([]);
    expect([...plugins]).toContain("tweens");
  });

  it("exports every Phaser value the client reads", () => {
    const uses = usesPhaser.flatMap(({ file, code }) => valueUses(file, code).map((u) => ({ file, u })));
    expect(uses.map((x) => x.u)).toContain("Phaser.Scene");
    expect(uses.filter(({ u }) => !provides(u.split(".").slice(1))).map(({ file, u }) => `${file}: ${u}`)).toEqual([]);
    expect(provides(["Math", "Between"])).toBe(false);
  });
});

// The boundaries the lint enforces, shown failing on deliberate violations (and passing on the
// same code where it is allowed): the client may not import server/, and shared/ stays pure.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint();

/** The rule ids ESLint reports for `code` as if it were the file at `path`. */
async function rulesBroken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

describe("lint boundaries", () => {
  it("the client may not import from server/, only from shared/", async () => {
    expect(await rulesBroken("client/net/x.ts", 'import { MSG } from "../../server/protocol.js";\nexport const m = MSG;\n')).toContain("no-restricted-imports");
    expect(await rulesBroken("client/net/x.ts", 'import { MSG } from "../../shared/protocol/index.js";\nexport const m = MSG;\n')).toEqual([]);
  });

  it("shared/ may not use randomness, clocks, timers, the DOM, Node or floating transcendental maths", async () => {
    const impure = [
      ["export const r = Math.random();\n", "no-restricted-properties"],
      ["export const p = Math.pow(2, 1.5);\n", "no-restricted-properties"],
      ["export const t = Date.now();\n", "no-restricted-globals"],
      ["setTimeout(() => undefined, 1);\n", "no-restricted-globals"],
      ["export const w = window.innerWidth;\n", "no-restricted-globals"],
      ["export const b = Buffer.from('x');\n", "no-restricted-globals"],
      ['import { readFileSync } from "node:fs";\nexport const f = readFileSync;\n', "no-restricted-imports"],
      ['import Phaser from "phaser";\nexport const P = Phaser;\n', "no-restricted-imports"],
    ] as const;
    for (const [code, rule] of impure) expect(await rulesBroken("shared/x.ts", code), code).toContain(rule);
    // The same code is fine outside shared/ (the server may read clocks).
    expect(await rulesBroken("server/x.ts", "export const t = Date.now();\n")).toEqual([]);
    expect(await rulesBroken("shared/x.ts", "export const s = Math.max(1, 2) + Math.floor(3.5);\n")).toEqual([]);
  });
});

// Every language has every key English has (and no other), each entry carries the same
// parameters and inline markup, nothing is left empty, and no long sentence was left in English.
import { describe, expect, it } from "vitest";
import { de } from "../../client/i18n/de.js";
import { en } from "../../client/i18n/en.js";
import { es } from "../../client/i18n/es.js";

type Tree = { [k: string]: string | Tree };

function flat(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === "string") out.set(prefix + k, v);
    else for (const [kk, vv] of flat(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** The {{name}} parameters of an entry, without their formats ({{n, number}} is n). */
const params = (s: string) => [...s.matchAll(/\{\{\s*([a-zA-Z]+)/g)].map((m) => m[1]).sort();

/** The inline tags of an entry, in order ("<em>", "</em>", ...). */
const tags = (s: string) => [...s.matchAll(/<\/?[a-z]+>/g)].map((m) => m[0]);

const english = flat(en as Tree);

describe.each([
  ["de", de],
  ["es", es],
])("the %s catalogue", (_lang, catalogue) => {
  const entries = flat(catalogue as Tree);

  it("has exactly English's keys", () => {
    expect([...entries.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !entries.has(k))).toEqual([]);
  });

  it("uses each entry's parameters, and leaves nothing empty", () => {
    for (const [key, text] of entries) {
      expect(text.trim().length > 0 || english.get(key)!.trim() === "", key).toBe(true);
      // Plural forms may drop the count ("one fire"), never add a parameter English lacks.
      const mine = params(text).filter((p) => p !== "count");
      expect(mine, key).toEqual(params(english.get(key)!).filter((p) => p !== "count"));
    }
  });

  it("keeps each entry's inline markup (see client/i18n/rich.ts), balanced", () => {
    for (const [key, text] of entries) {
      expect(tags(text), key).toEqual(tags(english.get(key)!));
      expect(text.replace(/<(em|strong|a|en)>[^<]*<\/\1>/g, ""), key).not.toMatch(/<\/?[a-z]+>/);
    }
  });

  it("has no sentence left in English", () => {
    const same = [...entries].filter(([key, text]) => text.split(" ").length > 3 && text === english.get(key));
    expect(same).toEqual([]);
  });
});

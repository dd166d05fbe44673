// Catalogue entries with a little inline markup, as DOM nodes. A sentence with a word in italics
// stays one entry, so a translator can move the word where the language wants it. Only these
// tags are known, never nested, and the text is set as text: a catalogue cannot inject markup.
//   <em>, <strong>: as in HTML;  <a>: the link the page gives;  <en>: a title kept in English.
import { h } from "../ui/dom.js";

const TAG = /<(em|strong|a|en)>(.*?)<\/\1>/gs;

export function rich(text: string, opts: { href?: string } = {}): (Node | string)[] {
  const out: (Node | string)[] = [];
  let at = 0;
  for (const m of text.matchAll(TAG)) {
    if (m.index > at) out.push(text.slice(at, m.index));
    const [, tag, inner = ""] = m;
    if (tag === "a") out.push(h("a", { href: opts.href }, inner));
    else if (tag === "en") out.push(h("em", { lang: "en" }, inner));
    else out.push(h(tag === "em" ? "em" : "strong", {}, inner));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

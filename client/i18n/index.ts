// Every word a person reads goes through here: one i18next instance, one catalogue per language
// (en.ts is the source; de.ts and es.ts are typed against it, so a missing key fails typecheck).
// The language is the browser's until the person picks one; the pick is remembered.
// English is in every page's first download; another language is fetched only by those who
// read it (each catalogue is about 10 KB compressed, and most players need one).
import i18next, { type TOptions } from "i18next";
import { STORAGE } from "../constants.js";
import { en, type Catalogue } from "./en.js";

export const LANGUAGES = { en: "English", de: "Deutsch", es: "Español" } as const;
export type Language = keyof typeof LANGUAGES;
const CATALOGUES: Record<Language, () => Promise<Catalogue>> = {
  en: () => Promise.resolve(en),
  de: () => import("./de.js").then((m) => m.de),
  es: () => import("./es.js").then((m) => m.es),
};

/** Dotted paths to every entry, with i18next's plural suffixes folded into one key. */
type Paths<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K extends `${infer B}_${"one" | "other"}` ? B : K}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
export type Key = Paths<Catalogue>;

export const isLanguage = (v: unknown): v is Language => typeof v === "string" && v in LANGUAGES;

/** The remembered pick, else the first of the browser's languages we have, else English. */
export function detectLanguage(): Language {
  const picked = localStorage.getItem(STORAGE.language);
  if (isLanguage(picked)) return picked;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
  }
  return "en";
}

/** Some languages have a plural form English lacks (Spanish "many", for a million and up); it
 *  reads as "other" here, so the catalogues need only one and other. */
function withMany(node: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = typeof v === "string" ? v : withMany(v as Record<string, unknown>);
    if (typeof v === "string" && k.endsWith("_other")) out[k.replace(/_other$/, "_many")] ??= v;
  }
  return out;
}

const i18n = i18next.createInstance();
let current: Language = "en";

/** Starts the catalogues in `lang` (default: detected) and marks the page's language. Pages
 *  await it before they draw a word. */
export async function initI18n(lang: Language = detectLanguage(), fixed?: Language): Promise<Language> {
  current = fixed ?? lang;
  // A catalogue that cannot be fetched (offline after an update) leaves the page in English.
  const shown = await CATALOGUES[current]().catch(() => null);
  if (!shown) current = "en";
  const resources: Record<string, { translation: Record<string, unknown> }> = { en: { translation: withMany(en) } };
  if (shown && current !== "en") resources[current] = { translation: withMany(shown) };
  await i18n.init({
    lng: current,
    fallbackLng: "en",
    resources,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  if (typeof document !== "undefined") document.documentElement.lang = current;
  return current;
}

export const language = (): Language => current;

/** The words for `key` in the language shown; numbers in {{x, number}} are formatted by locale. */
export function t(key: Key, params?: TOptions): string {
  return i18n.t(key, params) as string;
}

/** Whether the catalogue has `key` (for codes the server sends, which may be newer than us). */
export function has(key: string): boolean {
  return i18n.exists(key);
}

/** A phase's name as the scenarios write it ("0 to 1": growth by orders of magnitude) in words. */
export function phaseLabel(name: string): string {
  const m = /^(\d+) to (\d+)$/.exec(name);
  return m ? t("common.phaseRange", { from: m[1], to: m[2] }) : name;
}

/** A number as this language writes it. */
export function num(n: number, opts?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(current, opts).format(n);
}

/** Picks a language: remembered, then the page reloads so everything is drawn in it afresh
 *  (a reload keeps a player's seat and the host's rooms). */
export function pickLanguage(lang: Language): void {
  localStorage.setItem(STORAGE.language, lang);
  location.reload();
}

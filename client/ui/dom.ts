// A tiny element builder for the HTML layers over the canvas (forms, HUD, tables), which
// stay crisp, accessible and responsive in a way canvas text is not.
import { num } from "../i18n/index.js";
import { byId } from "./lookup.js";

type Attrs = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;
type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.replace(/^on/, "").toLowerCase(), v);
    else if (k === "class") el.className = String(v);
    else if (v === true) el.setAttribute(k, "");
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export const uiRoot = (): HTMLElement => byId("ui", HTMLElement);

/** Replaces a named layer inside the UI root; returns it. Its class is `layer-<id>`, never the
 *  bare id: a layer called "results" must not pick up the rules written for a `.results` panel. */
export function layer(id: string, ...children: Child[]): HTMLElement {
  document.getElementById(id)?.remove();
  const el = h("div", { id, class: `layer layer-${id}` }, ...children);
  uiRoot().append(el);
  return el;
}

export function removeLayer(id: string): void {
  document.getElementById(id)?.remove();
}

/** Value units → the figure shown to players (healthy tile-seconds / 10), as the shared stories
 *  count it (valueFigure) but written the way the page's language writes numbers. */
export const formatValue = (v: number): string => num(Math.round(v / 1000));

export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

// The person's own settings, on every page that has words: the language (remembered; the page is
// drawn again in it) and, where anything moves, reduced motion.
import { reducedMotion, setReducedMotion } from "../a11y/motion.js";
import { LANGUAGES, type Language, language, pickLanguage, t } from "../i18n/index.js";
import { h } from "./dom.js";

let ids = 0;

export function languagePicker(): HTMLElement {
  const id = `lang-${++ids}`;
  const select = h("select", { id, "data-testid": "language" });
  for (const [code, name] of Object.entries(LANGUAGES)) {
    // Each language's name in itself, marked so a screen reader pronounces it in that language.
    const option = h("option", { value: code, lang: code }, name);
    option.selected = code === language();
    select.append(option);
  }
  select.addEventListener("change", () => pickLanguage(select.value as Language));
  return h("span", { class: "setting" }, h("label", { for: id }, t("common.language")), select);
}

export function motionToggle(): HTMLElement {
  const id = `motion-${++ids}`;
  const box = h("input", { id, type: "checkbox", "data-testid": "reduce-motion" });
  box.checked = reducedMotion();
  box.addEventListener("change", () => setReducedMotion(box.checked));
  return h("span", { class: "setting" }, box, h("label", { for: id }, t("common.reduceMotion")));
}

/** Both, in one row. */
export function settingsRow(withMotion = true): HTMLElement {
  return h("div", { class: "settings-row" }, languagePicker(), withMotion ? motionToggle() : null);
}

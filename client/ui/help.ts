// The help overlay (?), in the game's own words. (The first game's lesson is the practice.)
// Modal for focus: it takes focus, keeps Tab inside, and Escape or its button gives focus back.
import { t } from "../i18n/index.js";
import { h } from "./dom.js";
import { openModal } from "./modal.js";
import { settingsRow } from "./settings.js";

const LAYER = "help";

function controls(): [string, string][] {
  return [
    [t("help.move"), t("help.moveKeys")],
    [t("help.sprint"), t("help.sprintKeys")],
    [t("help.putOut"), t("help.putOutKeys")],
    [t("help.invest"), t("help.investKeys")],
    [t("help.stepBack"), t("help.stepBackKeys")],
    [t("help.whereAmI"), t("help.whereAmIKeys")],
    [t("help.help"), t("help.helpKeys")],
  ];
}

export function helpPanel(onClose: () => void): HTMLElement {
  return h(
    "div",
    { class: "panel help", "aria-label": t("help.label") },
    h("h2", { id: "help-title", tabindex: -1 }, t("help.title")),
    h("p", {}, t("help.p1a"), h("b", {}, t("help.p1b")), t("help.p1c")),
    h("p", {}, t("help.p2a"), h("b", {}, t("help.p2b")), t("help.p2c")),
    h("p", {}, t("help.p3")),
    h("p", {}, t("help.p4")),
    h("dl", { class: "controls" }, ...controls().flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
    settingsRow(),
    h("button", { type: "button", class: "primary", onclick: onClose }, t("help.back")),
  );
}

let close: (() => void) | null = null;

export function toggleHelp(): void {
  if (close && document.getElementById(LAYER)) return close();
  close = openModal(
    LAYER,
    helpPanel(() => close?.()),
    () => (close = null),
  );
}

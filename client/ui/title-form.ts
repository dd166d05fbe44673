// The title's form: a name, Quick play, a room code, the hosts' links and the settings. It is
// plain HTML and needs no game engine, so it shows as soon as the page's own script runs; the
// map behind it (TitleScene) and the rest of the game load meanwhile. Where a choice leads is
// handed to `go`, which starts that scene once the game is there.
import { app } from "../app.js";
import { sound } from "../audio/sound.js";
import { SCENES, type SceneKey, STORAGE } from "../constants.js";
import { t } from "../i18n/index.js";
import { refusalText } from "../i18n/refusals.js";
import { generatedName } from "../names.js";
import { codeFromPath, codeProblem, tidyCode } from "../net/session.js";
import { practiceDue } from "../practice/due.js";
import type { PracticeData } from "../scenes/PracticeScene.js";
import { h, layer } from "./dom.js";
import { settingsRow } from "./settings.js";

export type TitleGo = (next: SceneKey, data?: PracticeData) => void;

export function showTitleForm(go: TitleGo): void {
  const name = h("input", { id: "name", name: "name", type: "text", maxlength: 20, autocomplete: "nickname", required: true });
  name.value = localStorage.getItem(STORAGE.name) || generatedName();
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" }, app.joinProblem ?? "");
  app.joinProblem = null;
  const play = h("button", { type: "submit", class: "primary big" }, t("title.quickPlay"));
  // A /join/CODE link (or the QR code on the projector) fills in the code.
  const linked = codeFromPath("join");
  const code = h("input", {
    id: "code",
    name: "code",
    type: "text",
    maxlength: 9,
    autocomplete: "off",
    autocapitalize: "characters",
    spellcheck: "false",
    placeholder: t("title.codePlaceholder"),
    class: "code-input",
  });
  code.value = linked;
  const join = h("button", { type: "button", class: linked ? "primary" : "secondary" }, t("title.joinWithCode"));
  const host = h(
    "p",
    { class: "host-links" },
    h("a", { href: "/host?new=1", class: "link" }, t("title.hostRoom")),
    " · ",
    h("a", { href: "/host?new=workshop", class: "link" }, t("title.hostWorkshop")),
  );
  const form = h(
    "form",
    { class: "panel title-card" },
    h("h1", {}, "Smolder"),
    h("p", { class: "tagline" }, t("title.tagline")),
    h("label", { for: "name" }, t("title.yourName")),
    name,
    linked ? null : play,
    h("div", { class: "join-row" }, h("label", { for: "code" }, linked ? t("title.roomCode") : t("title.groupCode")), h("div", { class: "row" }, code, join)),
    status,
    linked ? null : host,
    h("p", { class: "credit" }, t("title.creditBefore"), h("i", { lang: "en" }, "A Dangerous Addiction"), t("title.creditAfter")),
    settingsRow(),
  );
  const chosenName = () => {
    sound.unlock();
    const chosen = name.value.trim() || generatedName();
    localStorage.setItem(STORAGE.name, chosen);
    return chosen;
  };
  const busy = (on: boolean) => {
    play.disabled = on;
    join.disabled = on;
  };
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    // Enter in the code field joins by code; elsewhere it is quick play.
    if (linked || document.activeElement === code) return joinByCode();
    const chosen = chosenName();
    const join = () => app.session.quickPlay(chosen).then((): SceneKey => SCENES.lobby);
    if (practiceDue()) return void go(SCENES.practice, { join } satisfies PracticeData);
    busy(true);
    status.textContent = t("title.finding");
    join().then(
      (next) => go(next),
      (err: Error) => {
        busy(false);
        status.textContent = t("title.couldNotJoin", { why: refusalText(err, t("title.noAnswer")) });
      },
    );
  });
  const joinByCode = () => {
    const c = tidyCode(code.value);
    const problem = c ? codeProblem(c) : t("title.typeCode");
    if (problem) {
      status.textContent = problem;
      code.focus();
      return;
    }
    const chosen = chosenName();
    const join = () =>
      app.session.joinByCode(c, chosen).then((): SceneKey => {
        // The address bar keeps no code once inside; a reload resumes the seat instead.
        if (linked) history.replaceState(null, "", "/");
        return app.session.inWorkshop ? SCENES.workshop : SCENES.lobby;
      });
    if (practiceDue()) return void go(SCENES.practice, { join } satisfies PracticeData);
    busy(true);
    status.textContent = t("title.joining", { code: c });
    join().then(
      (next) => go(next),
      (err: Error) => {
        busy(false);
        status.textContent = refusalText(err, t("title.noAnswerTryAgain"));
      },
    );
  };
  join.addEventListener("click", joinByCode);
  layer("title", form);
  if (linked) join.focus();
  else name.focus();
}

// The host console's front page (/host): create a room or a workshop, go back to the last one,
// and the sessions this browser's host key has run, to reopen for a debrief or host again.
import { language, t } from "../i18n/index.js";
import { refusalText } from "../i18n/refusals.js";
import { h } from "../ui/dom.js";
import { languagePicker } from "../ui/settings.js";
import { createRoom, keptRooms, lastRoom, listSessions, setHostKey } from "./keys.js";

/** Where the console's pages lead to one another (routes.ts). */
export interface Nav {
  landing(note?: string): void;
  openRoom(code: string): void;
  openWorkshop(code: string): void;
  hostAgain(sessionId: string): Promise<void>;
}

export function landingPage(nav: Nav, note = ""): HTMLElement[] {
  const last = lastRoom();
  const kept = last ? keptRooms()[last] : undefined;
  const status = h("p", { class: "muted", role: "status" }, note);
  const creating = (button: HTMLButtonElement, workshop: boolean) => () => {
    button.disabled = true;
    status.textContent = t(workshop ? "host.creatingWorkshop" : "host.creatingRoom");
    createRoom(undefined, workshop).then(
      (c) => (workshop ? nav.openWorkshop(c.code) : nav.openRoom(c.code)),
      (e: unknown) => {
        button.disabled = false;
        status.textContent = t(workshop ? "host.couldNotCreateWorkshop" : "host.couldNotCreateRoom", { why: refusalText(e, t("host.noAnswer")) });
      },
    );
  };
  const create = h("button", { class: "primary big", type: "button" }, t("host.createRoom"));
  create.addEventListener("click", creating(create, false));
  const workshop = h("button", { class: "secondary big", type: "button", "data-testid": "create-workshop" }, t("host.hostWorkshop"));
  workshop.addEventListener("click", creating(workshop, true));
  const back =
    last && kept
      ? h(
          "button",
          { class: "secondary big", type: "button", onclick: () => (kept.workshop ? nav.openWorkshop(last) : nav.openRoom(last)) },
          t(kept.workshop ? "host.backToWorkshop" : "host.backToRoom", { code: last }),
        )
      : null;
  return [
    h(
      "section",
      { class: "card landing" },
      h("div", { class: "title-row" }, h("h1", {}, t("host.landingTitle")), h("div", { class: "settings-row" }, languagePicker())),
      h("p", {}, t("host.landingIntro")),
      create,
      h("p", { class: "muted small" }, t("host.workshopIntro")),
      workshop,
      back,
      status,
      h(
        "p",
        { class: "muted small" },
        h("a", { href: "/guide", "data-testid": "guide-link" }, t("host.guideLink")),
        " · ",
        h("a", { href: "/" }, t("host.backToGame")),
      ),
    ),
    pastSessions(nav),
  ];
}

const row = (text: string) => h("tr", {}, h("td", { colspan: 4, class: "muted" }, text));

/** The sessions this browser's host keys have run, to reopen for a debrief or host again. */
function pastSessions(nav: Nav): HTMLElement {
  const list = h("tbody", {}, row(t("host.lookingSessions")));
  const keyInput = h("input", { type: "text", placeholder: t("host.keyPlaceholder"), "aria-label": t("host.hostKey"), class: "grow" });
  const keyForm = h("form", { class: "row" }, keyInput, h("button", { type: "submit", class: "secondary" }, t("host.useKey")));
  keyForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = keyInput.value.trim();
    if (v.length >= 16) {
      setHostKey(v);
      nav.landing(t("host.keySaved"));
    }
  });
  void listSessions().then(
    (sessions) => {
      if (sessions.length === 0) return void list.replaceChildren(row(t("host.noSessions")));
      list.replaceChildren(
        ...sessions.map((s) =>
          h(
            "tr",
            { "data-session": s.id },
            h("td", {}, new Date(s.createdAt).toLocaleString(language())),
            h("td", {}, s.code),
            h("td", { class: "num" }, s.rounds),
            h(
              "td",
              { class: "row" },
              h(
                "button",
                { type: "button", class: "secondary", disabled: s.rounds === 0, onclick: () => (location.href = `/host?session=${s.id}`) },
                t("host.debrief"),
              ),
              s.kind === "workshop"
                ? h("span", { class: "muted small" }, t("host.workshopTeams", { count: s.teams ?? 0 }))
                : h("button", { type: "button", class: "secondary", onclick: () => void nav.hostAgain(s.id) }, t("host.hostAgain")),
            ),
          ),
        ),
      );
    },
    (e: unknown) => list.replaceChildren(row(t("host.couldNotList", { why: refusalText(e, t("host.noAnswer")) }))),
  );
  return h(
    "section",
    { class: "card sessions", "data-testid": "past-sessions" },
    h("h2", {}, t("host.pastSessions")),
    h(
      "table",
      {},
      h(
        "thead",
        {},
        h("tr", {}, h("th", {}, t("host.started")), h("th", {}, t("host.lastCode")), h("th", { class: "num" }, t("host.rounds")), h("th", {}, "")),
      ),
      list,
    ),
    h("p", { class: "muted small" }, t("host.sessionsKept")),
    keyForm,
  );
}

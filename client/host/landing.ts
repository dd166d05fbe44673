// The host console's front page (/host): create a room or a workshop, go back to the last one,
// and the sessions this browser's host key has run, to reopen for a debrief or host again.
import { h } from "../ui/dom.js";
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
    const what = workshop ? "workshop" : "room";
    button.disabled = true;
    status.textContent = `Creating a ${what}…`;
    createRoom(undefined, workshop).then(
      (c) => (workshop ? nav.openWorkshop(c.code) : nav.openRoom(c.code)),
      (e: Error) => {
        button.disabled = false;
        status.textContent = `Could not create a ${what}: ${e.message}`;
      },
    );
  };
  const create = h("button", { class: "primary big", type: "button" }, "Create a room");
  create.addEventListener("click", creating(create, false));
  const workshop = h("button", { class: "secondary big", type: "button", "data-testid": "create-workshop" }, "Host a team workshop");
  workshop.addEventListener("click", creating(workshop, true));
  const back =
    last && kept
      ? h(
          "button",
          { class: "secondary big", type: "button", onclick: () => (kept.workshop ? nav.openWorkshop(last) : nav.openRoom(last)) },
          `Back to ${kept.workshop ? "workshop" : "room"} ${last}`,
        )
      : null;
  return [
    h(
      "section",
      { class: "card landing" },
      h("h1", {}, "Smolder · host a room"),
      h(
        "p",
        {},
        "Run a session for a group: people join from their own laptops or phones with a room code, a link or a QR code; you start, pause and end rounds from here, and put the projector view on the big screen.",
      ),
      create,
      h(
        "p",
        { class: "muted small" },
        "For 10 to 60 people: one workshop code, everyone placed in teams of 3 to 8 that play the same scenario side by side, one dashboard.",
      ),
      workshop,
      back,
      status,
      h(
        "p",
        { class: "muted small" },
        h("a", { href: "/guide", "data-testid": "guide-link" }, "Facilitator's guide: a one-hour session plan and debrief questions"),
        " · ",
        h("a", { href: "/" }, "Back to the game"),
      ),
    ),
    pastSessions(nav),
  ];
}

const row = (text: string) => h("tr", {}, h("td", { colspan: 4, class: "muted" }, text));

/** The sessions this browser's host keys have run, to reopen for a debrief or host again. */
function pastSessions(nav: Nav): HTMLElement {
  const list = h("tbody", {}, row("Looking for your past sessions…"));
  const keyInput = h("input", { type: "text", placeholder: "a host key from another browser", "aria-label": "Host key", class: "grow" });
  const keyForm = h("form", { class: "row" }, keyInput, h("button", { type: "submit", class: "secondary" }, "Use this key"));
  keyForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const v = keyInput.value.trim();
    if (v.length >= 16) {
      setHostKey(v);
      nav.landing("Host key saved in this browser.");
    }
  });
  void listSessions().then(
    (sessions) => {
      if (sessions.length === 0) return void list.replaceChildren(row("No stored sessions for this browser's host key yet."));
      list.replaceChildren(
        ...sessions.map((s) =>
          h(
            "tr",
            { "data-session": s.id },
            h("td", {}, new Date(s.createdAt).toLocaleString()),
            h("td", {}, s.code),
            h("td", { class: "num" }, s.rounds),
            h(
              "td",
              { class: "row" },
              h(
                "button",
                { type: "button", class: "secondary", disabled: s.rounds === 0, onclick: () => (location.href = `/host?session=${s.id}`) },
                "Debrief",
              ),
              s.kind === "workshop"
                ? h("span", { class: "muted small" }, `workshop · ${s.teams ?? 0} teams`)
                : h("button", { type: "button", class: "secondary", onclick: () => void nav.hostAgain(s.id) }, "Host again"),
            ),
          ),
        ),
      );
    },
    (e: Error) => list.replaceChildren(row(`Could not list sessions: ${e.message}`)),
  );
  return h(
    "section",
    { class: "card sessions", "data-testid": "past-sessions" },
    h("h2", {}, "Your past sessions"),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Started"), h("th", {}, "Last code"), h("th", { class: "num" }, "Rounds"), h("th", {}, ""))), list),
    h("p", { class: "muted small" }, "Sessions are kept on the server; this browser holds the key that opens them."),
    keyForm,
  );
}

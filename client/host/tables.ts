// The host console's two tables: who is in the room (people, watchers, bots, each removable),
// and the rounds played so far with their headlines and a way into each round's debrief.
import { headlines, SCENARIOS } from "../../shared/index.js";
import { FocusKeeper } from "../a11y/focus.js";
import { type Key, t } from "../i18n/index.js";
import { playerName, shownName } from "../i18n/player-names.js";
import type { Frame, HostedInfo } from "../net/frame.js";
import { formatClock, formatValue, h } from "../ui/dom.js";

/** A finished round as the room lists it (MSG.rounds). */
export interface RoundRow {
  round: number;
  scenario: string;
  seed: number;
  ended: string;
  seconds: number;
  value: number;
  hash: string;
  players: { name: string; bot: string | null; praise: number; net: number }[];
}

const STATUS_TEXT: Record<string, Key> = {
  playing: "tables.connected",
  burntOut: "tables.burntOut",
  away: "tables.dropped",
  left: "tables.left",
  watching: "tables.connected",
};

function statusBadge(status: string): HTMLElement {
  return h("span", { class: `badge ${status}` }, STATUS_TEXT[status] ? t(STATUS_TEXT[status]) : status);
}

export class PeopleTable {
  readonly count = h("span", { class: "muted" });
  readonly el: HTMLElement;
  private readonly body = h("tbody");
  private readonly focus: FocusKeeper;
  private shown = "";

  /** `remove` asks the room to remove the person or screen with this key. */
  constructor(private readonly remove: (key: string) => void) {
    const head = h(
      "tr",
      {},
      h("th", {}, t("tables.name")),
      h("th", {}, t("tables.seat")),
      h("th", {}, t("tables.status")),
      h("th", { class: "num" }, t("tables.praise")),
      h("th", {}, ""),
    );
    this.el = h("table", { class: "people" }, h("thead", {}, head), this.body);
    // Rows are drawn again when someone's praise or status changes: a focused Remove button is
    // found again by its person.
    this.focus = new FocusKeeper(this.el, (gone) => this.body.querySelector(`[data-focus="${gone.dataset.focus ?? ""}"]`));
  }

  render(f: Frame, hosted: HostedInfo): void {
    const people = f.players.filter((p) => !p.bot);
    const bots = f.players.filter((p) => p.bot);
    // State changes many times a second; the table changes when someone's line does.
    const shown = JSON.stringify([f.players.map((p) => [p.key, p.name, p.seat, p.status, p.praise, p.bot]), hosted.watchers]);
    if (shown === this.shown) return;
    this.shown = shown;
    const rows: HTMLElement[] = [];
    const kick = (key: string, name: string) =>
      h(
        "button",
        {
          type: "button",
          class: "link danger-text",
          "aria-label": t("tables.removeName", { name }),
          "data-focus": `kick:${key}`,
          onclick: () => confirm(t("tables.confirmRemove", { name })) && this.remove(key),
        },
        t("tables.remove"),
      );
    for (const p of people)
      rows.push(
        h(
          "tr",
          { class: p.status },
          h("td", {}, p.name),
          h("td", {}, t("tables.seatN", { n: p.seat + 1 })),
          h("td", {}, statusBadge(p.status)),
          h("td", { class: "num" }, p.praise),
          h("td", {}, p.status === "left" ? "" : kick(p.key, p.name)),
        ),
      );
    for (const w of hosted.watchers) {
      // A projector has no name of its own (the server sends ""): it is named here, in the console's language.
      const name = w.role === "screen" ? t("tables.screen") : w.name;
      rows.push(
        h(
          "tr",
          { class: w.status },
          h("td", {}, name),
          h("td", {}, t(w.role === "screen" ? "tables.projector" : "tables.watching")),
          h("td", {}, statusBadge(w.status)),
          h("td", { class: "num" }, ""),
          h("td", {}, kick(w.key, name)),
        ),
      );
    }
    for (const p of bots)
      rows.push(
        h(
          "tr",
          { class: "bot" },
          h("td", {}, playerName(p)),
          h("td", {}, t("tables.seatN", { n: p.seat + 1 })),
          h("td", {}, h("span", { class: "badge left" }, t("tables.bot"))),
          h("td", { class: "num" }, p.praise),
          h("td", {}, ""),
        ),
      );
    if (rows.length === 0) rows.push(h("tr", {}, h("td", { colspan: 5, class: "muted" }, t("tables.nobody"))));
    this.body.replaceChildren(...rows);
    this.focus.settle();
    const present = people.filter((p) => p.status !== "left").length;
    this.count.textContent = t("tables.count", { playing: present, watching: hosted.watchers.filter((w) => w.role !== "screen").length });
  }
}

const ENDED_TEXT: Record<string, Key> = { host: "tables.byYou", collapse: "tables.collapsed" };

export class RoundsTable {
  readonly el: HTMLElement;
  private readonly body = h("tbody");

  /** `debrief` opens a round in the console's debrief. */
  constructor(private readonly debrief: (round: number) => void) {
    const heads: [string, boolean][] = [
      ["#", false],
      [t("tables.scenario"), false],
      [t("tables.ended"), false],
      [t("tables.time"), true],
      [t("tables.teamValue"), true],
      [t("tables.mostPraise"), false],
      [t("tables.mostGood"), false],
      ["", false],
    ];
    this.el = h(
      "table",
      { class: "rounds" },
      h("thead", {}, h("tr", {}, ...heads.map(([text, numeric]) => h("th", numeric ? { class: "num" } : {}, text)))),
      this.body,
    );
  }

  render(rounds: RoundRow[]): void {
    if (rounds.length === 0) return void this.body.replaceChildren(h("tr", {}, h("td", { colspan: 8, class: "muted" }, t("tables.noRound"))));
    this.body.replaceChildren(
      ...rounds.map((r) => {
        const { praised, good, goodKind } = headlines(r.players);
        const goodCell = good ? (goodKind === "least harm" ? t("tables.leastHarm", { name: shownName(good) }) : shownName(good)) : "—";
        return h(
          "tr",
          {},
          h("td", {}, r.round),
          h("td", {}, SCENARIOS[r.scenario]?.name ?? r.scenario),
          h("td", {}, t(ENDED_TEXT[r.ended] ?? "tables.timeUp")),
          h("td", { class: "num" }, formatClock(r.seconds)),
          h("td", { class: "num" }, formatValue(r.value)),
          h("td", {}, praised ? shownName(praised) : "—"),
          h("td", {}, goodCell),
          h(
            "td",
            {},
            h("button", { type: "button", class: "secondary", "data-testid": `debrief-${r.round}`, onclick: () => this.debrief(r.round) }, t("tables.debrief")),
          ),
        );
      }),
    );
  }
}

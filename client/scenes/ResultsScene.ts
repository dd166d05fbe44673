// Results: survived or collapsed, the team's value, your own story (your praise beside what
// your quick fixes and dust started later), the round's value and praise over time with the
// tipping point, and each player's praise beside what their work really did.
import Phaser from "phaser";
import { headlines } from "../../shared/index.js";
import { num, t } from "../i18n/index.js";
import { shownName } from "../i18n/player-names.js";
import { headlineText, myStory } from "../i18n/stories.js";
import { app } from "../app.js";
import { SCENES, STORAGE } from "../constants.js";
import type { RecapChart } from "../debrief/charts.js";
import { formatClock, formatValue, h, layer, removeLayer } from "../ui/dom.js";

export class ResultsScene extends Phaser.Scene {
  constructor() {
    super(SCENES.results);
  }

  create(): void {
    const session = app.session;
    const summary = session.summary;
    const mySeat = session.room
      ? (session.room.state as { players?: { get(k: string): { seat: number } | undefined } }).players?.get(session.sessionId)?.seat
      : undefined;
    let chart: RecapChart | null = null;
    let gone = false;
    const onResize = () => chart?.resize();
    this.events.once("shutdown", () => {
      gone = true;
      window.removeEventListener("resize", onResize);
      chart?.destroy();
      removeLayer("results");
    });
    if (!summary) return void this.scene.start(SCENES.title);
    const rows = [...summary.players].sort((a, b) => b.praise - a.praise);
    const again = h("button", { type: "button", class: "primary big" }, t("results.again"));
    // In a hosted room the host starts the next round; everyone goes back to the lobby then.
    const room = session.room;
    const hosted = !!(room?.state as { code?: string } | undefined)?.code;
    if (hosted && room) {
      const onChange = () => {
        const stage = (room.state as { stage?: string }).stage;
        if (stage === "lobby" || stage === "countdown") this.scene.start(SCENES.lobby);
      };
      room.onStateChange(onChange);
      this.events.once("shutdown", () => room.onStateChange.remove(onChange));
    }
    again.addEventListener("click", () => {
      again.disabled = true;
      void session
        .leave()
        .then(() => session.quickPlay(localStorage.getItem(STORAGE.name) || "Player"))
        .then(
          () => this.scene.start(SCENES.lobby),
          () => this.scene.start(SCENES.title),
        );
    });
    const fmt = (v: number) => formatValue(v);
    const story = myStory(summary.players, mySeat);
    const headline = headlineText(headlines(summary.players));
    const recap = summary.recap;
    // The chart library loads with the results, not with the game (it is not in a round's path).
    const chartSlot = recap && recap.seconds.length > 1 ? h("div", { class: "recap-slot" }) : null;
    if (chartSlot && recap)
      void import("../debrief/charts.js").then(({ RecapChart }) => {
        if (gone) return;
        chart = new RecapChart(recap);
        chartSlot.replaceWith(chart.el);
        window.addEventListener("resize", onResize);
        requestAnimationFrame(onResize);
      });
    const tipped = recap ? (recap.tipping === null ? t("results.neverAhead") : t("results.tipped", { time: formatClock(recap.tipping) })) : null;
    const ended = (room?.state as { ended?: string } | undefined)?.ended;
    layer(
      "results",
      h(
        "div",
        { class: "panel results" },
        h(
          "h2",
          { "data-testid": "outcome" },
          summary.collapsed
            ? t("results.collapsed", { time: formatClock(summary.seconds) })
            : ended === "host"
              ? t("results.hostEnded", { time: formatClock(summary.seconds) })
              : t("results.survived"),
        ),
        h("p", { class: "big-number" }, t("results.teamValue"), h("strong", {}, fmt(summary.value))),
        story ? h("p", { class: "my-story", "data-testid": "my-story" }, story) : h("p", { class: "hint" }, t("results.watched")),
        headline ? h("p", { class: "insight", "data-testid": "headline" }, headline) : null,
        chartSlot,
        tipped ? h("p", { class: "hint tipped", "data-testid": "results-tipping" }, tipped) : null,
        h(
          "table",
          { class: "scores" },
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, t("results.player")),
              h("th", { scope: "col" }, t("results.praise")),
              h("th", { scope: "col", title: t("results.directTitle") }, t("results.direct")),
              h("th", { scope: "col", title: t("results.indirectTitle") }, t("results.indirect")),
              h("th", { scope: "col" }, t("results.net")),
            ),
          ),
          h(
            "tbody",
            {},
            ...rows.map((p) =>
              h(
                "tr",
                { class: p.seat === mySeat ? "you" : "" },
                h("td", { title: shownName(p) }, shownName(p)),
                h("td", {}, num(p.praise)),
                h("td", {}, fmt(p.direct)),
                h("td", {}, fmt(p.indirect) === "0" ? "0" : `−${fmt(p.indirect)}`),
                h("td", { class: p.net < 0 ? "neg" : "pos" }, fmt(p.net)),
              ),
            ),
          ),
        ),
        h("p", { class: "hint" }, t("results.explain")),
        hosted ? h("p", { class: "countdown", "data-testid": "waiting-next" }, t("results.waitingNext")) : again,
      ),
    );
  }
}

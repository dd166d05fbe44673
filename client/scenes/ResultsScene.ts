// Results: survived or collapsed, the team's value, your own story (your praise beside what
// your quick fixes and dust started later), the round's value and praise over time with the
// tipping point, and each player's praise beside what their work really did.
import Phaser from "phaser";
import { creditName, headlines, headlineSentence, storyOf } from "../../shared/index.js";
import { app } from "../app.js";
import { SCENES, STORAGE } from "../constants.js";
import { RecapChart } from "../debrief/charts.js";
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
    const onResize = () => chart?.resize();
    this.events.once("shutdown", () => {
      window.removeEventListener("resize", onResize);
      chart?.destroy();
      removeLayer("results");
    });
    if (!summary) return void this.scene.start(SCENES.title);
    const rows = [...summary.players].sort((a, b) => b.praise - a.praise);
    const again = h("button", { type: "button", class: "primary big" }, "Play again");
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
    const story = storyOf(summary.players, mySeat);
    const headline = headlineSentence(headlines(summary.players));
    const recap = summary.recap;
    if (recap && recap.seconds.length > 1) chart = new RecapChart(recap);
    const tipped = recap
      ? recap.tipping === null
        ? "The fires never got ahead of the team."
        : `Tipped at ${formatClock(recap.tipping)}: from then on more fires burned than there were people to fight them.`
      : null;
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
            ? `The organisation collapsed at ${formatClock(summary.seconds)}`
            : ended === "host"
              ? `The host ended the round at ${formatClock(summary.seconds)}`
              : "The organisation survived",
        ),
        h("p", { class: "big-number" }, "Team value ", h("strong", {}, fmt(summary.value))),
        story ? h("p", { class: "my-story", "data-testid": "my-story" }, story) : h("p", { class: "hint" }, "You watched this round."),
        headline ? h("p", { class: "insight", "data-testid": "headline" }, headline) : null,
        chart ? chart.el : null,
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
              h("th", {}, "Player"),
              h("th", {}, "Praise"),
              h("th", { title: "Value of fires put out and guard built" }, "Direct"),
              h("th", { title: "Damage from fires your embers and dust started" }, "Indirect"),
              h("th", {}, "Net"),
            ),
          ),
          h(
            "tbody",
            {},
            ...rows.map((p) =>
              h(
                "tr",
                { class: p.seat === mySeat ? "you" : "" },
                h("td", { title: creditName(p) }, creditName(p)),
                h("td", {}, p.praise),
                h("td", {}, fmt(p.direct)),
                h("td", {}, fmt(p.indirect) === "0" ? "0" : `−${fmt(p.indirect)}`),
                h("td", { class: p.net < 0 ? "neg" : "pos" }, fmt(p.net)),
              ),
            ),
          ),
        ),
        h(
          "p",
          { class: "hint" },
          "Praise is what people saw. Net is what the work did: the fires your quick fixes started later count against you. Times are into the round (m:ss).",
        ),
        hosted ? h("p", { class: "countdown", "data-testid": "waiting-next" }, "Waiting for the host's next round…") : again,
      ),
    );
    if (chart) {
      window.addEventListener("resize", onResize);
      requestAnimationFrame(onResize);
    }
  }
}

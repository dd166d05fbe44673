// Results: survived or collapsed, the team's value, and each player's praise beside what
// their work really did (direct, indirect, net), so praise and value visibly point apart.
import Phaser from "phaser";
import { app } from "../app.js";
import { SCENES, STORAGE } from "../constants.js";
import { formatClock, formatValue, h, layer, removeLayer } from "../ui/dom.js";

export class ResultsScene extends Phaser.Scene {
  constructor() {
    super(SCENES.results);
  }

  create(): void {
    const session = app.session;
    const summary = session.summary;
    const mySeat = session.room ? (session.room.state as { players?: { get(k: string): { seat: number } | undefined } }).players?.get(session.sessionId)?.seat : undefined;
    this.events.once("shutdown", () => removeLayer("results"));
    if (!summary) return void this.scene.start(SCENES.title);
    const rows = [...summary.players].sort((a, b) => b.praise - a.praise);
    const topPraise = rows[0];
    const topNet = [...summary.players].sort((a, b) => b.net - a.net)[0];
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
    layer(
      "results",
      h(
        "div",
        { class: "panel results" },
        h("h2", { "data-testid": "outcome" }, summary.collapsed ? `The organisation collapsed at ${formatClock(summary.seconds)}` : (room?.state as { ended?: string } | undefined)?.ended === "host" ? `The host ended the round at ${formatClock(summary.seconds)}` : "The organisation survived"),
        h("p", { class: "big-number" }, "Team value ", h("strong", {}, fmt(summary.value))),
        topPraise && topNet && topPraise.seat !== topNet.seat && topNet.net > 0 && topPraise.praise > 0
          ? h("p", { class: "insight" }, `${topPraise.name} earned the most praise; ${topNet.name} did the team the most good.`)
          : null,
        h(
          "table",
          { class: "scores" },
          h("thead", {}, h("tr", {}, h("th", {}, "Player"), h("th", {}, "Praise"), h("th", { title: "Value of fires put out and guard built" }, "Direct"), h("th", { title: "Damage from fires your embers and dust started" }, "Indirect"), h("th", {}, "Net"))),
          h(
            "tbody",
            {},
            ...rows.map((p) =>
              h(
                "tr",
                { class: p.seat === mySeat ? "you" : "" },
                h("td", {}, p.name, p.bot ? h("span", { class: "tag" }, "bot") : null),
                h("td", {}, p.praise),
                h("td", {}, fmt(p.direct)),
                h("td", {}, fmt(p.indirect) === "0" ? "0" : `−${fmt(p.indirect)}`),
                h("td", { class: p.net < 0 ? "neg" : "pos" }, fmt(p.net)),
              ),
            ),
          ),
        ),
        h("p", { class: "hint" }, "Praise is what people saw. Net is what the work did: the fires your quick fixes started later count against you."),
        hosted ? h("p", { class: "countdown", "data-testid": "waiting-next" }, "Waiting for the host's next round…") : again,
      ),
    );
  }
}

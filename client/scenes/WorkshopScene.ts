// A team workshop's lobby: you wait with everyone who joined by the workshop code, see the
// team you were placed in and who else is in it, and move to your team's room as soon as the
// facilitator opens the teams.
import Phaser from "phaser";
import type { Room } from "colyseus.js";
import { app } from "../app.js";
import { SCENES } from "../constants.js";
import type { WorkshopView } from "../net/workshop.js";
import { h, layer, removeLayer } from "../ui/dom.js";
import { t } from "../i18n/index.js";
import { messageText } from "../i18n/notices.js";
import { refusalText } from "../i18n/refusals.js";

export class WorkshopScene extends Phaser.Scene {
  private moving = false;

  constructor() {
    super(SCENES.workshop);
  }

  create(): void {
    const room = app.session.room;
    if (!room || !app.session.inWorkshop) return void this.scene.start(SCENES.title);
    this.moving = false;
    const title = h("p", { class: "hint", "data-testid": "workshop-code" });
    const team = h("h2", { "data-testid": "workshop-team" });
    const mates = h("ul", { class: "players" });
    const status = h("p", { class: "countdown", role: "status" });
    const message = h("p", { class: "insight", "data-testid": "host-message" });
    layer("lobby", h("div", { class: "panel lobby" }, title, team, status, message, mates, h("p", { class: "hint" }, t("lobby.sameScenario"))));
    // After a reconnect the session holds a new Room; follow it.
    let current = room;
    const render = () => {
      const st = current.state as unknown as WorkshopView;
      const me = st.people?.get(current.sessionId);
      title.replaceChildren(t("lobby.workshop"), h("span", { class: "room-code" }, st.code ?? ""));
      message.textContent = messageText(st.message ?? "");
      const mine = me?.team ? st.teams.get(me.team) : undefined;
      team.textContent = mine ? t("lobby.inTeam", { name: mine.name }) : t("lobby.unplaced");
      const names: { name: string; you: boolean }[] = [];
      st.people?.forEach((p, key) => {
        if (mine && p.team === mine.id) names.push({ name: p.name, you: key === current.sessionId });
      });
      mates.replaceChildren(...names.map((n) => h("li", { class: n.you ? "you" : "" }, n.you ? t("common.withYou", { name: n.name }) : n.name)));
      status.textContent = mine?.code ? t("lobby.joiningTeam", { name: mine.name }) : t("lobby.waitingTeams");
      if (mine?.code && me) void this.move(current, mine.code, me.name);
    };
    current.onStateChange(render);
    render();
    const offRoom = app.session.onRoom((next) => {
      current.onStateChange.remove(render);
      current = next;
      current.onStateChange(render);
    });
    this.events.once("shutdown", () => {
      current.onStateChange.remove(render);
      offRoom();
      removeLayer("lobby");
    });
  }

  private async move(room: Room, code: string, name: string): Promise<void> {
    if (this.moving) return;
    this.moving = true;
    try {
      await app.session.moveToTeam(code, name);
      this.scene.start(SCENES.lobby);
    } catch (e) {
      this.moving = false;
      layer(
        "lobby",
        h(
          "div",
          { class: "panel lobby" },
          h("h2", {}, t("lobby.teamFailed")),
          h("p", {}, refusalText(e, t("title.noAnswer"))),
          h("button", { type: "button", class: "primary", onclick: () => this.scene.restart() }, t("lobby.tryAgain")),
        ),
      );
      void room;
    }
  }
}

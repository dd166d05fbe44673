// The debrief the host pushes, over whatever a player or the projector is looking at. The
// charts load on first use (uPlot stays out of the first download). A player can fold it away
// and open it again; it goes when the host hides it or starts the next round.
import type { Debrief } from "../../shared/index.js";
import type { DebriefView } from "../debrief/view.js";
import type { Session } from "../net/session.js";
import { t } from "../i18n/index.js";
import { h, layer, removeLayer } from "./dom.js";

const LAYER = "debrief-layer";

export interface OverlayOptions {
  /** The projector: bigger type, no way to fold it away. */
  big?: boolean;
  /** The name this screen plays under, to highlight its row. */
  myName?: () => string | null;
}

export function watchDebrief(session: Session, opts: OverlayOptions = {}): void {
  let view: DebriefView | null = null;
  let folded = false;
  let last: Debrief | null = null;

  const close = () => {
    view?.destroy();
    view = null;
    removeLayer(LAYER);
  };
  const fold = () => {
    folded = true;
    close();
    layer(
      LAYER,
      h(
        "button",
        { type: "button", class: "primary d-reopen", "data-testid": "debrief-reopen", onclick: () => ((folded = false), void open(last)) },
        t("debrief.open"),
      ),
    );
  };
  const open = async (d: Debrief | null) => {
    if (!d) return close();
    const { DebriefView } = await import("../debrief/view.js");
    if (last !== d || folded) return;
    close();
    const name = opts.myName?.() ?? null;
    const lead = d.rounds[0];
    const you = lead?.players.find((p) => !p.bot && p.name === name)?.seat ?? null;
    view = new DebriefView({ you, big: opts.big });
    const panel = h(
      "div",
      { class: `debrief-panel${opts.big ? " big" : ""}`, role: "dialog", "aria-label": "Debrief" },
      opts.big ? null : h("button", { type: "button", class: "link d-fold", onclick: fold }, t("debrief.backToMap")),
      view.el,
    );
    layer(LAYER, panel);
    view.show(d);
  };
  session.onDebrief((d) => {
    last = d;
    if (d === null) folded = false;
    if (!folded) void open(d);
  });
}

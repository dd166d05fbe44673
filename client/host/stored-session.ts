// A stored session's debrief, without a room (/host?session=ID): a workshop's cross-team
// comparison, or one room's rounds in the debrief workbench, with its exports.
import { catchFocus } from "../a11y/focus.js";
import { language, t } from "../i18n/index.js";
import { refusalText } from "../i18n/refusals.js";
import { h } from "../ui/dom.js";
import { CrossTeamDebrief } from "./cross-team.js";
import { downloadExport, loadSession, secretFor } from "./keys.js";
import type { Nav } from "./landing.js";
import { Workbench } from "./workbench.js";

export function card(title: string | HTMLElement, ...children: (HTMLElement | null)[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

export function exportButtons(sessionId: string): HTMLElement {
  const get = (format: "json" | "csv") => () =>
    void downloadExport(sessionId, format).catch((e: unknown) => alert(t("stored.exportFailed", { why: refusalText(e, t("host.noAnswer")) })));
  return h(
    "span",
    { class: "row" },
    h("button", { type: "button", class: "secondary", "data-testid": "export-csv", onclick: get("csv") }, t("stored.exportCsv")),
    h("button", { type: "button", class: "secondary", "data-testid": "export-json", onclick: get("json") }, t("stored.exportJson")),
  );
}

export async function showStoredSession(root: HTMLElement, sessionId: string, nav: Nav): Promise<void> {
  root.replaceChildren(h("p", { class: "muted" }, t("stored.opening")));
  try {
    const { session, rounds, teams } = await loadSession(sessionId);
    const started = t("stored.started", { when: new Date(session.createdAt).toLocaleString(language()) });
    const allSessions = h("a", { class: "secondary button", href: "/host" }, t("stored.allSessions"));
    if (session.kind === "workshop") {
      const cross = new CrossTeamDebrief(sessionId, secretFor(sessionId) ?? "");
      for (const t of teams ?? []) cross.addTeam(t.session.team ?? t.session.code, t.session.id);
      root.replaceChildren(
        h(
          "header",
          {},
          h("h1", {}, t("stored.workshopDebrief")),
          h("span", { class: "muted" }, t("stored.workshopLine", { started, code: session.code, count: teams?.length ?? 0 })),
          allSessions,
        ),
        cross.el,
      );
      catchFocus(root.querySelector("h1"));
      return void cross.load();
    }
    const bench = new Workbench();
    root.replaceChildren(
      h(
        "header",
        {},
        h("h1", {}, t("stored.sessionDebrief")),
        h("span", { class: "muted" }, t("stored.sessionLine", { started, code: session.code, count: rounds.length })),
        h(
          "div",
          { class: "row", style: "margin-left:auto" },
          exportButtons(sessionId),
          h("button", { type: "button", class: "primary", onclick: () => void nav.hostAgain(sessionId) }, t("host.hostAgain")),
          allSessions,
        ),
      ),
      card(t("host.debrief"), bench.el),
    );
    catchFocus(root.querySelector("h1"));
    bench.setRecords(rounds);
  } catch (e) {
    nav.landing(t("stored.couldNotOpen", { why: refusalText(e, t("host.noAnswer")) }));
  }
}

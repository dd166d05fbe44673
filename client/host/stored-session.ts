// A stored session's debrief, without a room (/host?session=ID): a workshop's cross-team
// comparison, or one room's rounds in the debrief workbench, with its exports.
import { h } from "../ui/dom.js";
import { CrossTeamDebrief } from "./cross-team.js";
import { downloadExport, loadSession, secretFor } from "./keys.js";
import type { Nav } from "./landing.js";
import { Workbench } from "./workbench.js";

export function card(title: string | HTMLElement, ...children: (HTMLElement | null)[]): HTMLElement {
  return h("section", { class: "card" }, h("h2", {}, title), ...children);
}

export function exportButtons(sessionId: string): HTMLElement {
  const get = (format: "json" | "csv") => () => void downloadExport(sessionId, format).catch((e: Error) => alert(`Export failed: ${e.message}`));
  return h(
    "span",
    { class: "row" },
    h("button", { type: "button", class: "secondary", "data-testid": "export-csv", onclick: get("csv") }, "Export CSV (zip)"),
    h("button", { type: "button", class: "secondary", "data-testid": "export-json", onclick: get("json") }, "Export JSON"),
  );
}

export async function showStoredSession(root: HTMLElement, sessionId: string, nav: Nav): Promise<void> {
  root.replaceChildren(h("p", { class: "muted" }, "Opening the session…"));
  try {
    const { session, rounds, teams } = await loadSession(sessionId);
    const started = `Started ${new Date(session.createdAt).toLocaleString()}`;
    const allSessions = h("a", { class: "secondary button", href: "/host" }, "All sessions");
    if (session.kind === "workshop") {
      const cross = new CrossTeamDebrief(sessionId, secretFor(sessionId) ?? "");
      for (const t of teams ?? []) cross.addTeam(t.session.team ?? t.session.code, t.session.id);
      root.replaceChildren(
        h(
          "header",
          {},
          h("h1", {}, "Smolder · workshop debrief"),
          h("span", { class: "muted" }, `${started} · code ${session.code} · ${teams?.length ?? 0} teams`),
          allSessions,
        ),
        cross.el,
      );
      return void cross.load();
    }
    const bench = new Workbench();
    root.replaceChildren(
      h(
        "header",
        {},
        h("h1", {}, "Smolder · session debrief"),
        h("span", { class: "muted" }, `${started} · last code ${session.code} · ${rounds.length} rounds`),
        h(
          "div",
          { class: "row", style: "margin-left:auto" },
          exportButtons(sessionId),
          h("button", { type: "button", class: "primary", onclick: () => void nav.hostAgain(sessionId) }, "Host again"),
          allSessions,
        ),
      ),
      card("Debrief", bench.el),
    );
    bench.setRecords(rounds);
  } catch (e) {
    nav.landing(`Could not open that session: ${(e as Error).message}`);
  }
}

// The workshop's cross-team debrief: every team's round side by side, the best and the worst
// team's curves overlaid, and a what-if (with replay) for any one team.
import type { RoundRecord } from "../../shared/protocol/index.js";
import { debriefRound, type DebriefRound } from "../../shared/index.js";
import { compareRounds, DebriefView } from "../debrief/view.js";
import { h } from "../ui/dom.js";
import { downloadExport, loadSession } from "./keys.js";
import { Workbench } from "./workbench.js";

interface TeamRounds {
  name: string;
  rounds: RoundRecord[];
}

export class CrossTeamDebrief {
  readonly el: HTMLElement;
  private readonly teams = new Map<string, string>();
  private data: TeamRounds[] = [];
  private readonly body = h("div", { class: "ws-debrief-body" });
  private readonly roundPick = h("select", { "aria-label": "Round", "data-testid": "ct-round" });
  private readonly teamPick = h("select", { "aria-label": "Team for a what-if", "data-testid": "ct-team" });
  private readonly view = new DebriefView({ noCompare: true });
  private readonly bench = new Workbench();

  constructor(
    private readonly sessionId: string,
    private readonly secret: string,
  ) {
    const load = h("button", { type: "button", class: "primary", "data-testid": "ct-load", onclick: () => void this.load() }, "Compare the teams");
    const exp = (format: "json" | "csv") => () => void downloadExport(sessionId, format).catch((e: Error) => alert(`Export failed: ${e.message}`));
    this.roundPick.addEventListener("change", () => this.render());
    this.teamPick.addEventListener("change", () => this.renderBench());
    this.el = h(
      "section",
      { class: "card", "data-testid": "cross-team" },
      h("h2", {}, "Cross-team debrief"),
      h(
        "div",
        { class: "row" },
        load,
        h("label", { class: "inline" }, "Round ", this.roundPick),
        h("button", { type: "button", class: "secondary", onclick: exp("csv") }, "Export CSV (zip)"),
        h("button", { type: "button", class: "secondary", onclick: exp("json") }, "Export JSON"),
      ),
      this.body,
    );
  }

  addTeam(name: string, sessionId: string): void {
    this.teams.set(sessionId, name);
  }

  async load(): Promise<void> {
    try {
      const stored = await loadSession(this.sessionId, this.secret);
      this.data = (stored.teams ?? []).map((t) => ({ name: t.session.team ?? this.teams.get(t.session.id) ?? t.session.code, rounds: t.rounds }));
      const max = Math.max(0, ...this.data.map((t) => t.rounds.at(-1)?.round ?? 0));
      this.roundPick.replaceChildren(...Array.from({ length: max }, (_, i) => h("option", { value: i + 1, selected: i + 1 === max }, `Round ${i + 1}`)));
      this.teamPick.replaceChildren(...this.data.map((t, i) => h("option", { value: i }, t.name)));
      this.render();
    } catch (e) {
      this.body.replaceChildren(h("p", { class: "muted" }, `Could not load the teams' rounds: ${(e as Error).message}`));
    }
  }

  private render(): void {
    const n = Number(this.roundPick.value);
    const played: DebriefRound[] = [];
    for (const t of this.data) {
      const r = t.rounds.find((x) => x.round === n);
      if (r) played.push({ ...debriefRound(r), label: t.name });
    }
    if (played.length === 0) return void this.body.replaceChildren(h("p", { class: "muted" }, "No team has finished a round yet."));
    const byValue = [...played].sort((a, b) => b.finalValue - a.finalValue);
    const best = byValue[0]!;
    const worst = byValue.at(-1)!;
    this.view.show({ rounds: best === worst ? [best] : [best, worst], whatIf: null });
    this.body.replaceChildren(
      h("h3", {}, `Every team, round ${n}, best first`),
      compareRounds(byValue),
      h("h3", {}, best === worst ? "The team's round" : `Best (${best.label}) and worst (${worst.label}) overlaid`),
      this.view.el,
      h("h3", {}, "What if, and the replay, for one team"),
      h("div", { class: "row" }, h("label", { class: "inline" }, "Team ", this.teamPick)),
      this.bench.el,
    );
    this.renderBench();
  }

  private renderBench(): void {
    const t = this.data[Number(this.teamPick.value)];
    if (t) this.bench.setRecords(t.rounds);
  }
}

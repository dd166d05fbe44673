// The workshop's cross-team debrief: every team's round side by side, the best and the worst
// team's curves overlaid, and a what-if (with replay) for any one team.
import type { RoundRecord } from "../../shared/protocol/index.js";
import { debriefRound, type DebriefRound } from "../../shared/index.js";
import { compareRounds, DebriefView } from "../debrief/view.js";
import { t } from "../i18n/index.js";
import { refusalText } from "../i18n/refusals.js";
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
  private readonly teamPick = h("select", { "aria-label": t("bench.teamWhatIf"), "data-testid": "ct-team" });
  private readonly view = new DebriefView({ noCompare: true });
  private readonly bench = new Workbench();

  constructor(
    private readonly sessionId: string,
    private readonly secret: string,
  ) {
    const load = h("button", { type: "button", class: "primary", "data-testid": "ct-load", onclick: () => void this.load() }, t("bench.compare"));
    const exp = (format: "json" | "csv") => () =>
      void downloadExport(sessionId, format).catch((e: unknown) => alert(t("bench.exportFailed", { why: refusalText(e, t("host.noAnswer")) })));
    this.roundPick.addEventListener("change", () => this.render());
    this.teamPick.addEventListener("change", () => this.renderBench());
    this.el = h(
      "section",
      { class: "card", "data-testid": "cross-team" },
      h("h2", {}, t("bench.crossTitle")),
      h(
        "div",
        { class: "row" },
        load,
        h("label", { class: "inline" }, t("bench.roundLabel"), this.roundPick),
        h("button", { type: "button", class: "secondary", onclick: exp("csv") }, t("stored.exportCsv")),
        h("button", { type: "button", class: "secondary", onclick: exp("json") }, t("stored.exportJson")),
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
      this.data = (stored.teams ?? []).map((team) => ({
        name: team.session.team ?? this.teams.get(team.session.id) ?? team.session.code,
        rounds: team.rounds,
      }));
      const max = Math.max(0, ...this.data.map((team) => team.rounds.at(-1)?.round ?? 0));
      this.roundPick.replaceChildren(
        ...Array.from({ length: max }, (_, i) => h("option", { value: i + 1, selected: i + 1 === max }, t("debrief.round", { n: i + 1 }))),
      );
      this.teamPick.replaceChildren(...this.data.map((team, i) => h("option", { value: i }, team.name)));
      this.render();
    } catch (e) {
      this.body.replaceChildren(h("p", { class: "muted" }, t("bench.couldNotLoad", { why: refusalText(e, t("host.noAnswer")) })));
    }
  }

  private render(): void {
    const n = Number(this.roundPick.value);
    const played: DebriefRound[] = [];
    for (const team of this.data) {
      const r = team.rounds.find((x) => x.round === n);
      if (r) played.push({ ...debriefRound(r), label: team.name });
    }
    if (played.length === 0) return void this.body.replaceChildren(h("p", { class: "muted" }, t("bench.noTeamRound")));
    const byValue = [...played].sort((a, b) => b.finalValue - a.finalValue);
    const best = byValue[0]!;
    const worst = byValue.at(-1)!;
    this.view.show({ rounds: best === worst ? [best] : [best, worst], whatIf: null });
    this.body.replaceChildren(
      h("h3", {}, t("bench.everyTeam", { n })),
      compareRounds(byValue),
      h("h3", {}, best === worst ? t("bench.teamsRound") : t("bench.bestWorst", { best: best.label ?? "", worst: worst.label ?? "" })),
      this.view.el,
      h("h3", {}, t("bench.oneTeam")),
      h("div", { class: "row" }, h("label", { class: "inline" }, t("bench.team"), this.teamPick)),
      this.bench.el,
    );
    this.renderBench();
  }

  private renderBench(): void {
    const team = this.data[Number(this.teamPick.value)];
    if (team) this.bench.setRecords(team.rounds);
  }
}

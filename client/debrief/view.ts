// A whole debrief on one page: what happened and where it tipped, who got the praise and who
// did the good, the curves (with a what-if beside them), effort per player, the table, and
// rounds side by side. The same view serves players, the projector and the host console.
import { atSameMoment, type Debrief, type DebriefRound, type DebriefWhatIf, EFFORTS, headlines, type PlayerSummary } from "../../shared/index.js";
import { t } from "../i18n/index.js";
import { shownName } from "../i18n/player-names.js";
import { myStory } from "../i18n/stories.js";
import { formatClock, formatValue, h } from "../ui/dom.js";
import { DebriefCharts, ROUND_COLORS } from "./charts.js";
import { sharesText } from "./chart-summary.js";
import { EFFORT_GROUPS, groupShares } from "./efforts.js";
import { outcome, outcomeShort, signed, tippingText, whatIfTitle } from "./format.js";
import { effortStrips } from "./strips.js";
import { playerTable } from "./table.js";
import "./debrief.css";

export interface DebriefViewOptions {
  /** Your seat in the leading round, highlighted in the table and the strips. */
  you?: number | null;
  /** Called with a second when a chart is clicked (the host console's replay). */
  onMoment?: (second: number) => void;
  /** The projector: bigger type and charts. */
  big?: boolean;
  /** Leave out the side-by-side table (a page that shows its own). */
  noCompare?: boolean;
}

export class DebriefView {
  readonly el: HTMLElement;
  private readonly charts: DebriefCharts;
  private readonly onResize = () => this.resize();

  constructor(private readonly opts: DebriefViewOptions = {}) {
    this.el = h("div", { class: `debrief${opts.big ? " big" : ""}`, "data-testid": "debrief" });
    this.charts = new DebriefCharts({ onMoment: opts.onMoment, big: opts.big });
    window.addEventListener("resize", this.onResize);
  }

  show(d: Debrief): void {
    const lead = d.rounds[0];
    if (!lead) return void this.el.replaceChildren(h("p", { class: "muted" }, t("debrief.noRound")));
    const you = this.opts.you ?? null;
    const w = d.whatIf && d.whatIf.round === lead.round ? d.whatIf : null;
    const story = [
      h(
        "header",
        { class: "d-head" },
        h("h2", {}, `${lead.label ?? t("debrief.round", { n: lead.round })} · ${lead.scenarioName}`),
        h("p", { class: "d-outcome" }, outcome(lead)),
      ),
      h("p", { class: `d-tip${lead.tipping === null ? " calm" : ""}`, "data-testid": "debrief-tipping" }, tippingText(lead)),
      contrast(lead.players, you),
      w ? whatIfBox(lead, w) : null,
    ];
    const table = h(
      "section",
      { class: "d-section" },
      h("h3", {}, t("debrief.tableTitle")),
      playerTable(lead.players, you),
      h("p", { class: "muted small d-table-note" }, t("debrief.tableNote")),
    );
    const strips = h("section", { class: "d-section" }, h("h3", {}, t("debrief.stripsTitle")), effortStrips(lead, { you, big: this.opts.big }));
    const compare = d.rounds.length > 1 && !this.opts.noCompare ? compareRounds(d.rounds) : null;
    const keep = (xs: (HTMLElement | null)[]) => xs.filter((x): x is HTMLElement => x !== null);
    // A projector cannot scroll: the story and the table on the left, the evidence on the right.
    if (this.opts.big)
      this.el.replaceChildren(h("div", { class: "d-col" }, ...keep([...story, table, compare])), h("div", { class: "d-col wide" }, this.charts.el, strips));
    else this.el.replaceChildren(...keep([...story, this.charts.el, strips, table, compare]));
    this.charts.set(d);
    requestAnimationFrame(() => this.resize());
  }

  /** The replay's moment on every chart. */
  mark(second: number | null): void {
    this.charts.mark(second);
  }

  resize(): void {
    this.charts.resize();
    for (const s of this.el.querySelectorAll<HTMLElement & { redraw?: () => void }>(".d-strips-wrap")) s.redraw?.();
  }

  destroy(): void {
    window.removeEventListener("resize", this.onResize);
    this.charts.destroy();
    this.el.remove();
  }
}

/** The lesson in two names: who the leaderboard loved, and who did the team the most good
 *  (shared headlines, as on every other screen), then your own story. */
function contrast(players: readonly PlayerSummary[], you: number | null): HTMLElement {
  const { praised, good, goodKind } = headlines(players);
  const mine = players.find((p) => p.seat === you);
  const card = (title: string, p: PlayerSummary | null | undefined, line: (p: PlayerSummary) => string, cls: string) =>
    h(
      "div",
      { class: `d-card ${cls}` },
      h("small", {}, title),
      h("strong", {}, p ? shownName(p) : t("debrief.nobody")),
      h("span", {}, p ? line(p) : t("debrief.nobodyStood")),
    );
  return h(
    "div",
    { class: "d-contrast" },
    card(t("debrief.mostPraised"), praised, (p) => t("debrief.praiseNet", { praise: p.praise, net: signed(p.net) }), "praise"),
    card(
      t(goodKind === "least harm" ? "debrief.leastHarm" : "debrief.mostGood"),
      good,
      (p) => t("debrief.netPraise", { praise: p.praise, net: signed(p.net) }),
      "good",
    ),
    mine
      ? h(
          "div",
          { class: "d-card you" },
          h("small", {}, t("debrief.you")),
          h("strong", {}, mine.name),
          h("span", { "data-testid": "debrief-story" }, myStory(players, mine.seat) ?? ""),
        )
      : null,
  );
}

function whatIfBox(real: DebriefRound, w: DebriefWhatIf): HTMLElement {
  const ended = t(w.ended === "collapse" ? "debrief.whatIfCollapsed" : "debrief.whatIfHeld", { time: formatClock(w.seconds) });
  // Compared at the last moment both runs reached, never a longer run against a shorter one.
  const at = atSameMoment(real.value, w.value);
  const versus = !at
    ? ""
    : t(at.cut ? "debrief.versusCut" : "debrief.versus", {
        time: formatClock(at.second),
        other: formatValue(at.other),
        real: formatValue(at.real),
        pct: at.pct === null ? "" : ` (${at.pct > 0 ? "+" : at.pct < 0 ? "−" : "±"}${Math.abs(at.pct)}%)`,
      });
  return h("div", { class: "d-whatif", "data-testid": "debrief-whatif" }, h("strong", {}, whatIfTitle(w)), h("span", {}, ended + versus + t("debrief.dashed")));
}

/** Rounds (or a workshop's teams) in one table: outcome, value, praise, tipping point, effort split. */
export function compareRounds(rounds: readonly DebriefRound[]): HTMLElement {
  const rows = rounds.map((r, i) => {
    const team = new Array<number>(EFFORTS.length).fill(0);
    for (const row of r.effortBins) for (let k = 0; k < row.length; k++) team[k % EFFORTS.length]! += row[k]!;
    const shares = groupShares(team);
    const bar = h(
      "div",
      { class: "d-bar", role: "img", "aria-label": sharesText(shares) },
      ...EFFORT_GROUPS.map((g, gi) =>
        h("i", { style: `width:${shares[gi]!.toFixed(1)}%;background:${g.color}`, title: `${g.label} ${Math.round(shares[gi]!)}%` }),
      ),
    );
    return h(
      "tr",
      {},
      h("td", {}, h("i", { class: "swatch", style: `background:${ROUND_COLORS[i % ROUND_COLORS.length]}` }), r.label ?? t("debrief.round", { n: r.round })),
      h("td", {}, r.scenarioName),
      h("td", {}, outcomeShort(r)),
      h("td", { class: "num" }, formatValue(r.finalValue)),
      h("td", { class: "num" }, r.praise.at(-1) ?? 0),
      h("td", { class: "num" }, r.tipping === null ? t("debrief.never") : formatClock(r.tipping)),
      h("td", { class: "wide" }, bar),
    );
  });
  return h(
    "section",
    { class: "d-section" },
    h("h3", {}, t(rounds.some((r) => r.label) ? "debrief.sideBySide" : "debrief.roundsSideBySide")),
    h(
      "table",
      { class: "d-table d-compare", "data-testid": "debrief-compare" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {}, rounds.some((r) => r.label) ? "" : t("debrief.colRound")),
          h("th", {}, t("debrief.colScenario")),
          h("th", {}, t("debrief.colOutcome")),
          h("th", { class: "num" }, t("debrief.colValue")),
          h("th", { class: "num" }, t("debrief.colPraise")),
          h("th", { class: "num" }, t("debrief.colTipped")),
          h("th", {}, t("debrief.colEffort")),
        ),
      ),
      h("tbody", {}, ...rows),
    ),
  );
}

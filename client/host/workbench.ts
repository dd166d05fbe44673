// The host's debrief workbench: pick a round (and rounds to set beside it), try a what-if on
// the shared rules right here in the browser, scrub a replay of the map, and push what is on
// screen to every player and the projector.
import type { RoundRecord } from "../../shared/protocol/index.js";
import { type BotKind, type Debrief, debriefRound, debriefWhatIf, ReplayCursor, runWhatIf, type WhatIfSpec } from "../../shared/index.js";
import { drawReplayMap } from "../debrief/replay-map.js";
import { DebriefView } from "../debrief/view.js";
import { type Key, t } from "../i18n/index.js";
import { formatClock, h } from "../ui/dom.js";

/** A debrief command for the room (absent where there is no room, e.g. a reopened session). */
export type PushDebrief = (command: { command: "debrief"; rounds: number[]; whatIf?: WhatIfSpec & { round: number } }) => void;

const TEAM_LABELS: Record<BotKind, Key> = {
  balanced: "debrief.teamBalanced",
  preventer: "debrief.teamPreventer",
  hero: "debrief.teamHero",
  firefighter: "debrief.teamFirefighter",
  idle: "debrief.teamIdle",
};

export class Workbench {
  readonly el = h("div", { class: "workbench", "data-testid": "workbench" });
  private records: RoundRecord[] = [];
  private round = 0;
  private compare = new Set<number>();
  private whatIf: (WhatIfSpec & { round: number }) | null = null;
  private view: DebriefView;
  private cursor: ReplayCursor | null = null;
  private second = 0;
  private playing = 0;
  private readonly roundPick = h("select", { "aria-label": t("bench.round"), "data-testid": "wb-round" });
  private readonly compareRow = h("span", { class: "row compare" });
  private readonly fromInput = h("input", {
    type: "number",
    min: 0,
    step: 10,
    value: 0,
    "aria-label": t("bench.fromSecond"),
    "data-testid": "wb-from",
    class: "short",
  });
  private readonly whatIfNote = h("span", { class: "muted small", role: "status" });
  private readonly pushNote = h("span", { class: "muted small", role: "status" });
  private readonly map = h("canvas", { class: "replay-map", role: "img", "aria-label": t("bench.mapLabel") });
  private readonly slider = h("input", {
    type: "range",
    min: 0,
    max: 0,
    value: 0,
    step: 1,
    "aria-label": t("bench.moment"),
    "data-testid": "wb-slider",
    class: "grow",
  });
  private readonly time = h("strong", { class: "clock", "data-testid": "wb-time" }, "0:00");
  private readonly playButton = h("button", { type: "button", class: "secondary", onclick: () => this.togglePlay() }, t("bench.play"));

  constructor(private readonly push?: PushDebrief) {
    this.view = new DebriefView({ onMoment: (sec) => this.seek(sec) });
    this.build();
  }

  /** New or more records (a round just finished); keeps the chosen round if it is still there. */
  setRecords(records: RoundRecord[]): void {
    this.records = records;
    if (!records.some((r) => r.round === this.round)) this.round = records.at(-1)?.round ?? 0;
    this.fillRounds();
    if (this.round) this.select(this.round);
  }

  open(round: number): void {
    this.select(round);
    // Focus follows the eyes: a keyboard goes on from the debrief's first control, not from the button that opened it.
    this.roundPick.focus({ preventScroll: true });
    this.el.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  private get record(): RoundRecord | undefined {
    return this.records.find((r) => r.round === this.round);
  }

  private build(): void {
    this.roundPick.addEventListener("change", () => this.select(Number(this.roundPick.value)));
    // Balanced first: "what if we had played it straight" is the question a debrief usually asks.
    const team = h(
      "select",
      { "aria-label": t("bench.botTeam"), "data-testid": "wb-team" },
      ...(["balanced", "preventer", "hero", "firefighter"] as const).map((k) => h("option", { value: k }, t(TEAM_LABELS[k]))),
    );
    const from = this.fromInput;
    const run = h(
      "button",
      { type: "button", class: "primary", "data-testid": "wb-run", onclick: () => this.runWhatIf(team.value as BotKind, Number(from.value)) },
      t("bench.run"),
    );
    const clear = h("button", { type: "button", class: "secondary", onclick: () => this.clearWhatIf() }, t("bench.clear"));
    const pushRow = this.push
      ? h(
          "div",
          { class: "row" },
          h("button", { type: "button", class: "primary", "data-testid": "wb-show", onclick: () => this.pushNow() }, t("bench.show")),
          h(
            "button",
            {
              type: "button",
              class: "secondary",
              "data-testid": "wb-hide",
              onclick: () => (this.push!({ command: "debrief", rounds: [] }), (this.pushNote.textContent = t("bench.hidden"))),
            },
            t("bench.hide"),
          ),
          this.pushNote,
        )
      : null;

    this.slider.addEventListener("input", () => this.seek(Number(this.slider.value)));
    const fromHere = h("button", { type: "button", class: "link", onclick: () => (from.value = String(this.second)) }, t("bench.fromHere"));

    this.el.append(
      h(
        "div",
        { class: "row" },
        h("label", { class: "inline" }, t("bench.roundLabel"), this.roundPick),
        h("span", { class: "muted" }, t("bench.beside")),
        this.compareRow,
      ),
      h("div", { class: "row" }, h("span", {}, t("bench.whatIfSeat")), team, h("span", {}, t("bench.from")), from, run, clear, this.whatIfNote),
      h(
        "div",
        { class: "row" },
        h("button", { type: "button", class: "secondary", "data-testid": "wb-print", onclick: () => printDebrief(this.view.el) }, t("bench.print")),
      ),
      ...(pushRow ? [pushRow] : []),
      h(
        "div",
        { class: "wb-body" },
        h(
          "div",
          { class: "wb-replay" },
          h("h3", {}, t("bench.replay")),
          this.map,
          h("div", { class: "row" }, this.playButton, this.slider, this.time),
          fromHere,
          h("p", { class: "muted small" }, t("bench.clickChart")),
        ),
        h("div", { class: "wb-view" }, this.view.el),
      ),
    );
  }

  private fillRounds(): void {
    this.roundPick.replaceChildren(
      ...this.records.map((r) =>
        h("option", { value: r.round, selected: r.round === this.round }, `${t("debrief.round", { n: r.round })} · ${r.scenario.name}`),
      ),
    );
  }

  private select(round: number): void {
    const record = this.records.find((r) => r.round === round);
    if (!record) return;
    this.round = round;
    this.roundPick.value = String(round);
    this.compare.delete(round);
    if (this.whatIf && this.whatIf.round !== round) this.clearWhatIf(false);
    this.compareRow.replaceChildren(
      ...this.records
        .filter((r) => r.round !== round)
        .map((r) => {
          const box = h("input", { type: "checkbox", checked: this.compare.has(r.round), "data-round": r.round });
          box.addEventListener("change", () => {
            if (box.checked) this.compare.add(r.round);
            else this.compare.delete(r.round);
            this.render();
          });
          return h("label", { class: "inline" }, box, ` ${r.round}`);
        }),
    );
    if (this.records.length < 2) this.compareRow.replaceChildren(h("span", { class: "muted small" }, t("bench.playAnother")));
    this.cursor = new ReplayCursor(record.scenario, record.seed, record.log, record.ticks);
    const seconds = record.timeline.fires.length;
    this.slider.max = String(seconds);
    this.fromInput.max = String(seconds);
    this.render();
    this.seek(record.timeline.fires.length);
  }

  private debrief(): Debrief {
    const lead = this.record!;
    const others = this.records.filter((r) => this.compare.has(r.round)).slice(0, 3);
    return { rounds: [lead, ...others].map(debriefRound), whatIf: this.whatIfResult };
  }

  private whatIfResult: Debrief["whatIf"] = null;

  private clearWhatIf(redraw = true): void {
    this.whatIf = null;
    this.whatIfResult = null;
    this.whatIfNote.textContent = "";
    if (redraw) this.render();
  }

  private runWhatIf(team: BotKind, fromSecond: number): void {
    const r = this.record;
    if (!r) return;
    const seconds = r.timeline.fires.length;
    if (!Number.isInteger(fromSecond) || fromSecond < 0 || fromSecond > seconds) {
      this.whatIfNote.textContent = t("bench.pick", { n: seconds });
      return;
    }
    const spec = { fromSecond, team };
    const t0 = performance.now();
    const state = runWhatIf(r.scenario, r.seed, r.log, spec);
    const ms = Math.round(performance.now() - t0);
    this.whatIf = { ...spec, round: r.round };
    this.whatIfResult = debriefWhatIf(r.round, spec, state);
    this.whatIfNote.textContent = t("bench.resimulated", { n: ms });
    this.render();
  }

  private render(): void {
    if (!this.record) return;
    this.view.show(this.debrief());
    this.view.mark(this.second);
  }

  private pushNow(): void {
    if (!this.push || !this.record) return;
    const rounds = [this.round, ...[...this.compare].slice(0, 3)];
    this.push({ command: "debrief", rounds, ...(this.whatIf ? { whatIf: this.whatIf } : {}) });
    this.pushNote.textContent = t(this.whatIf ? "bench.showingWhatIf" : "bench.showing", { rounds: rounds.join(t("bench.besideWord")) });
  }

  private seek(second: number): void {
    const r = this.record;
    if (!r || !this.cursor) return;
    this.second = Math.max(0, Math.min(second, r.timeline.fires.length));
    const state = this.cursor.seek(this.second * r.scenario.tickRate);
    drawReplayMap(this.map, state);
    this.slider.value = String(this.second);
    this.time.textContent = formatClock(this.second);
    this.view.mark(this.second);
  }

  private togglePlay(): void {
    if (this.playing) {
      window.clearInterval(this.playing);
      this.playing = 0;
      this.playButton.textContent = t("bench.play");
      return;
    }
    const r = this.record;
    if (!r) return;
    if (this.second >= r.timeline.fires.length) this.seek(0);
    this.playButton.textContent = t("bench.pause");
    // Ten seconds of the round per second of replay.
    this.playing = window.setInterval(() => {
      if (this.second >= r.timeline.fires.length) return this.togglePlay();
      this.seek(this.second + 1);
    }, 100);
  }
}

/**
 * Prints the debrief alone, as one page: while the print dialog is open the debrief (with its
 * drawn charts) moves into a holder of its own under <body>, the print rules (host.css) hide
 * everything else, and it goes back where it was afterwards.
 */
function printDebrief(debrief: HTMLElement): void {
  const parent = debrief.parentNode;
  const next = debrief.nextSibling;
  const holder = document.createElement("div");
  holder.className = "print-holder";
  document.body.append(holder);
  holder.append(debrief);
  document.documentElement.classList.add("printing-debrief");
  window.addEventListener(
    "afterprint",
    () => {
      parent?.insertBefore(debrief, next);
      holder.remove();
      document.documentElement.classList.remove("printing-debrief");
    },
    { once: true },
  );
  window.print();
}

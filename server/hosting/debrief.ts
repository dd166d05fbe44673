// The debrief a host pushes to every screen: rounds side by side from the session's records,
// and a counterfactual computed on the shared rules a slice at a time, so a whole what-if
// round (a few hundred milliseconds of simulation) never stalls the rooms ticking beside it.
// (How many rounds one debrief may hold is part of the host command: MAX_DEBRIEF_ROUNDS.)
import { type Debrief, debriefRound, debriefWhatIf, type DebriefWhatIf, type WhatIfSpec, whatIfSlices } from "../../shared/index.js";
import type { RoundRecord } from "./rounds.js";

/** Ticks simulated per event-loop turn (a few milliseconds; npm run bench:debrief prints it). */
export const SLICE_TICKS = 100;

/** The debrief of the chosen rounds (first one leads), or why not. */
export function debriefOf(records: readonly RoundRecord[], rounds: readonly number[]): Debrief | string {
  const chosen: RoundRecord[] = [];
  for (const n of rounds) {
    const r = records.find((x) => x.round === n);
    if (!r) return `there is no finished round ${n}`;
    if (chosen.includes(r)) return `round ${n} is listed twice`;
    chosen.push(r);
  }
  return { rounds: chosen.map(debriefRound), whatIf: null };
}

/** Checks a what-if against the round it starts from; null when it can run. */
export function whatIfProblem(record: RoundRecord | undefined, spec: WhatIfSpec): string | null {
  if (!record) return "the what-if must start from a finished round";
  const seconds = record.timeline.fires.length;
  if (spec.fromSecond > seconds) return `round ${record.round} lasted ${seconds} s; the what-if cannot start at ${spec.fromSecond} s`;
  const rate = record.scenario.tickRate;
  if (spec.pace !== undefined && spec.pace > rate) return `bots decide at most once a tick: a pace of 1 to ${rate} decisions a second`;
  return null;
}

/**
 * Runs the counterfactual in slices on the event loop and calls `done` with its curves.
 * Returns a cancel function (a newer debrief replaces an older one half-computed).
 */
export function computeWhatIf(record: RoundRecord, spec: WhatIfSpec, done: (w: DebriefWhatIf) => void): () => void {
  const slices = whatIfSlices(record.scenario, record.seed, record.log, spec, SLICE_TICKS);
  let cancelled = false;
  const next = () => {
    if (cancelled) return;
    const r = slices.next();
    if (r.done) done(debriefWhatIf(record.round, spec, r.value));
    else setImmediate(next);
  };
  setImmediate(next);
  return () => {
    cancelled = true;
  };
}

/** The debrief every screen shows now (sent to late joiners too), and a what-if being computed for it. */
export class DebriefShow {
  private shown: Debrief | null = null;
  private cancelWhatIf: (() => void) | null = null;

  constructor(private readonly send: (debrief: Debrief | null) => void) {}

  get current(): Debrief | null {
    return this.shown;
  }

  /** Shows `debrief` on every screen (null hides it); its what-if follows once computed. */
  show(debrief: Debrief | null, whatIf?: { record: RoundRecord; spec: WhatIfSpec }): void {
    this.stop();
    if (debrief && whatIf)
      this.cancelWhatIf = computeWhatIf(whatIf.record, whatIf.spec, (w) => {
        this.cancelWhatIf = null;
        if (this.shown !== debrief) return;
        debrief.whatIf = w;
        this.send(debrief);
      });
    this.shown = debrief;
    this.send(debrief);
  }

  /** Takes the debrief off the screens (a round is about to start); nothing is sent if none shows. */
  hide(): void {
    if (this.shown) this.show(null);
  }

  /** Stops a what-if half computed (a newer debrief replaces it, or the room closes). */
  stop(): void {
    this.cancelWhatIf?.();
    this.cancelWhatIf = null;
  }
}

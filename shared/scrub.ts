// Seeking through a recorded round: the map at any second, re-simulated from the input log.
// Checkpoints every few seconds make a jump cost at most that many seconds of simulation,
// so a facilitator can drag a slider through a whole round.
import { createGame } from "./game.js";
import { applyEntry, type LogEntry } from "./replay.js";
import type { Scenario } from "./scenario.js";
import { restore, snapshot } from "./snapshot.js";
import type { GameState } from "./state.js";
import { step } from "./step.js";

interface Checkpoint {
  state: GameState;
  /** How many log entries had been applied. */
  k: number;
}

export class ReplayCursor {
  private readonly checkpoints: Checkpoint[] = [];
  private readonly every: number;
  private cur: Checkpoint;

  /** `endTick`: the round's last tick (a round the host ended early stops there). */
  constructor(
    scenario: Scenario,
    seed: number,
    private readonly log: readonly LogEntry[],
    readonly endTick: number,
    everySeconds = 5,
  ) {
    this.every = Math.max(1, everySeconds * scenario.tickRate);
    const start = createGame(scenario, seed);
    this.cur = { state: start, k: 0 };
    this.checkpoints.push({ state: snapshot(start), k: 0 });
  }

  /** The state at the start of `tick` (clamped to the round), as replay(…, tick) would give. */
  seek(tick: number): Readonly<GameState> {
    const target = Math.max(0, Math.min(Math.floor(tick), this.endTick));
    if (this.cur.state.tick > target) {
      let best = this.checkpoints[0]!;
      for (const c of this.checkpoints) if (c.state.tick <= target && c.state.tick > best.state.tick) best = c;
      this.cur = { state: restore(best.state), k: best.k };
    }
    const s = this.cur.state;
    while (!s.ended && s.tick < target) {
      while (this.cur.k < this.log.length && this.log[this.cur.k]!.tick <= s.tick) applyEntry(s, this.log[this.cur.k++]!);
      step(s);
      const last = this.checkpoints.at(-1)!;
      if (s.tick % this.every === 0 && s.tick > last.state.tick) this.checkpoints.push({ state: snapshot(s), k: this.cur.k });
    }
    return s;
  }
}

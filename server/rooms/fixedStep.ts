// A fixed-step accumulator: wall-clock time in, whole rules ticks out. Timer jitter changes
// when a tick runs, never how many run, so the game keeps the scenario's pace.
export class FixedStep {
  private acc = 0;

  /** `maxSteps` bounds catch-up after a stall, so an overloaded server slows down instead of spiralling. */
  constructor(
    readonly stepMs: number,
    private readonly maxSteps = 4,
  ) {}

  /** Adds elapsed time and runs `tick` once per whole step due; returns how many ran. */
  advance(deltaMs: number, tick: () => void): number {
    this.acc += deltaMs;
    let n = 0;
    while (this.acc >= this.stepMs && n < this.maxSteps) {
      this.acc -= this.stepMs;
      tick();
      n++;
    }
    // Drop a backlog we could not catch up on rather than carry it forever.
    if (n === this.maxSteps) this.acc = Math.min(this.acc, this.stepMs);
    return n;
  }
}

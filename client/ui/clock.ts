// One convention for time everywhere players look: elapsed time into the round, "m:ss", beside
// the round's length. The server syncs seconds left; elapsed is the tick count.
import { formatClock } from "./dom.js";

interface ClockFrame {
  tick: number;
  tickRate: number;
  /** Seconds left, as synced. */
  clock: number;
}

export function roundClock(f: ClockFrame): { elapsed: string; length: string; text: string } {
  const elapsed = Math.floor(f.tick / Math.max(1, f.tickRate));
  const elapsedText = formatClock(elapsed);
  const length = formatClock(elapsed + f.clock);
  return { elapsed: elapsedText, length, text: `${elapsedText} / ${length}` };
}

// Process-wide timing of room ticks and of the gaps between a room's patches, for the benchmark
// (tools/bench-server.ts). Recording is one array write per tick or patch; GET /metrics exposes
// it only when SMOLDER_METRICS=1.
const MAX_SAMPLES = 200_000;
let samples: number[] = [];
let patchGaps: number[] = [];

/** Records how long one room's tick (rules step plus state sync) took, in ms. */
export function recordTick(ms: number): void {
  if (samples.length < MAX_SAMPLES) samples.push(ms);
}

/** Records the time since the same room's previous patch with changes went out, in ms: the server's own
 *  cadence, apart from any delay on the way to a client or inside it. */
function recordPatchInterval(ms: number): void {
  if (patchGaps.length < MAX_SAMPLES) patchGaps.push(ms);
}

/** A room's patch clock for the benchmark: pass it what `broadcastPatch` returned. Only patches
 *  that carried changes reach the clients (the patch timer runs faster than the tick), so only
 *  the gaps between those are recorded. Returns what it was given. */
export function patchCadence(): (sent: boolean) => boolean {
  let last = 0;
  return (sent) => {
    if (!sent) return false;
    const now = performance.now();
    if (last > 0) recordPatchInterval(now - last);
    last = now;
    return true;
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface TickMetrics {
  ticks: number;
  tickP50Ms: number;
  tickP99Ms: number;
  patches: number;
  patchIntervalP50Ms: number;
  patchIntervalP99Ms: number;
  /** process.cpuUsage() now, in microseconds. */
  cpuUserUs: number;
  cpuSystemUs: number;
}

/** The tick and patch-interval percentiles since the last reset, and the process CPU time so far. */
export function tickMetrics(reset: boolean): TickMetrics {
  const sorted = samples.slice().sort((a, b) => a - b);
  const gaps = patchGaps.slice().sort((a, b) => a - b);
  if (reset) {
    samples = [];
    patchGaps = [];
  }
  const cpu = process.cpuUsage();
  return {
    ticks: sorted.length,
    tickP50Ms: percentile(sorted, 50),
    tickP99Ms: percentile(sorted, 99),
    patches: gaps.length,
    patchIntervalP50Ms: percentile(gaps, 50),
    patchIntervalP99Ms: percentile(gaps, 99),
    cpuUserUs: cpu.user,
    cpuSystemUs: cpu.system,
  };
}

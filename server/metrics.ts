// Process-wide timing of room ticks, for the benchmark (tools/bench-server.ts). Recording
// is one array write per tick; GET /metrics exposes it only when SMOLDER_METRICS=1.
const MAX_SAMPLES = 200_000;
let samples: number[] = [];

/** Records how long one room's tick (rules step plus state sync) took, in ms. */
export function recordTick(ms: number): void {
  if (samples.length < MAX_SAMPLES) samples.push(ms);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface TickMetrics {
  ticks: number;
  tickP50Ms: number;
  tickP99Ms: number;
  /** process.cpuUsage() now, in microseconds. */
  cpuUserUs: number;
  cpuSystemUs: number;
}

/** The tick percentiles since the last reset, and the process CPU time so far. */
export function tickMetrics(reset: boolean): TickMetrics {
  const sorted = samples.slice().sort((a, b) => a - b);
  if (reset) samples = [];
  const cpu = process.cpuUsage();
  return { ticks: sorted.length, tickP50Ms: percentile(sorted, 50), tickP99Ms: percentile(sorted, 99), cpuUserUs: cpu.user, cpuSystemUs: cpu.system };
}

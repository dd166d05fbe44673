// Seeded fuzz against a real server process (tools/fuzz-run.ts, generator in tools/fuzz-gen.ts):
// 20,000 hostile messages and raw frames from a quick-play player, a hosted room's player and
// host, and a workshop's participant and facilitator. The process must live, the bystanders
// keep receiving patches at about the tick rate, nothing is logged as a fault, and the rules'
// invariants hold in every state they see. A failing seed reruns with
// `npm run fuzz -- --seed S --messages 20000`; FUZZ_SEED chooses another seed here.
import { describe, expect, it } from "vitest";
import { FUZZ_TICK_MS, runFuzz } from "../../tools/fuzz-run.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const MESSAGES = 20_000;

describe("fuzz", () => {
  it(`seed ${SEED}: ${MESSAGES} messages break nothing`, async () => {
    const report = await runFuzz({ seed: SEED, messages: MESSAGES });
    const summary = JSON.stringify(report, null, 2);
    expect(report.messages, summary).toBe(MESSAGES);
    expect(report.crashes, summary).toBe(0);
    expect(report.invariantBreaks, summary).toBe(0);
    expect(report.problems, summary).toEqual([]);
    // Ticks come every FUZZ_TICK_MS; at least half that rate while the server is being fuzzed.
    const tickRate = 1000 / FUZZ_TICK_MS;
    expect(report.patchesPerSecond.quickPlay, summary).toBeGreaterThan(tickRate / 2);
    expect(report.patchesPerSecond.hosted, summary).toBeGreaterThan(tickRate / 2);
    expect(report.rawFrames, summary).toBeGreaterThan(0);
  });
});

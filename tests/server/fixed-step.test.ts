// The fixed-step loop turns uneven timer callbacks into whole ticks at a steady pace.
import { describe, expect, it } from "vitest";
import { FixedStep } from "../../server/rooms/fixedStep.js";

describe("FixedStep", () => {
  it("runs one tick per whole step, carrying the remainder", () => {
    const loop = new FixedStep(100);
    let ticks = 0;
    const run = (ms: number) => loop.advance(ms, () => ticks++);
    expect([run(60), run(60), run(60), run(60)]).toEqual([0, 1, 0, 1]); // 240 ms → 2 ticks, 40 ms carried
    expect(run(160)).toBe(2);
    expect(ticks).toBe(4);
  });

  it("bounds catch-up after a stall instead of spiralling", () => {
    const loop = new FixedStep(100, 4);
    let ticks = 0;
    expect(loop.advance(5000, () => ticks++)).toBe(4);
    // The backlog is dropped: the next ordinary callback runs at most one more tick.
    expect(loop.advance(50, () => ticks++)).toBeLessThanOrEqual(1);
  });
});

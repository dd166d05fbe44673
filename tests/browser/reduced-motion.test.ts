// Reduced motion: when the organisation grows, the camera jumps to the new view instead of
// panning there. Checked against the same growth with motion on, where the camera pans.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, runBrowserTests } from "./harness.js";
import { quickPlay, seen } from "./drive.js";

type Cam = { x: number; y: number; zoom: number } | null;
const camera = (page: Page): Promise<Cam> => page.evaluate(() => (window as unknown as { smolder: { camera(): Cam } }).smolder.camera());

/** The distinct camera positions from the moment the map grows to 1.5 s later. */
async function cameraThroughGrowth(page: Page): Promise<string[]> {
  const start = (await seen(page))!.side;
  const end = Date.now() + 60_000;
  while ((await seen(page))!.side === start) {
    if (Date.now() > end) throw new Error("the map never grew");
    await page.waitForTimeout(20);
  }
  const positions = new Set<string>();
  const until = Date.now() + 1500;
  while (Date.now() < until) {
    const c = await camera(page);
    if (c) positions.add(`${c.x.toFixed(1)},${c.y.toFixed(1)},${c.zoom.toFixed(3)}`);
    await page.waitForTimeout(30);
  }
  return [...positions];
}

// Workshop from phase 1 (16 tiles) at ten times the speed: it grows to 32 tiles ten seconds in.
const ROOM = "scenario=workshop&startPhase=1&countdownSeconds=0&seats=2&bots=idle&tickMs=10&fresh";

describe.runIf(runBrowserTests)("reduced motion", () => {
  const suite = browserSuite();

  it("does not pan the camera while the map grows", async () => {
    const calm = await suite.open();
    await calm.page.emulateMedia({ reducedMotion: "reduce" });
    await quickPlay(calm.page, suite.url(), ROOM);
    const still = await cameraThroughGrowth(calm.page);
    console.log(`reduced motion: ${still.length} camera positions through the growth`, still);
    // The view before and the view after: a jump, no path in between.
    expect(still.length).toBeLessThanOrEqual(2);
    expect(calm.errors).toEqual([]);
  });

  it("(with motion on, the same growth pans, so the check above can fail)", async () => {
    const moving = await suite.open();
    await quickPlay(moving.page, suite.url(), ROOM);
    const path = await cameraThroughGrowth(moving.page);
    console.log(`motion on: ${path.length} camera positions through the growth`);
    expect(path.length).toBeGreaterThan(4);
  });
});

// A first game: the practice before the first round (on the browser's own board, no round time
// spent), an eager second press that never restarts an action, and a watcher's screen.
import { mkdirSync, writeFileSync } from "node:fs";
import { Client } from "colyseus.js";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, runBrowserTests } from "./harness.js";
import { putOutAFire, quickPlay, seen, waitUntil } from "./drive.js";

const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });

const FRESH = "scenario=workshop&countdownSeconds=1&bots=idle&fresh";

const sent = (page: Page) => page.evaluate(() => (window as unknown as { smolder: { sent(): Record<string, number> } }).smolder.sent());
const stepText = (page: Page) => page.getByTestId("practice-step").textContent();

describe.runIf(runBrowserTests)("a first game", () => {
  const suite = browserSuite();

  for (const size of [
    { name: "laptop", width: 1280, height: 720, touch: false },
    { name: "phone", width: 390, height: 844, touch: true },
    { name: "phone-landscape", width: 844, height: 390, touch: true },
  ]) {
    it(`practises on a private board before the first round (${size.name}), then plays`, async () => {
      const b = await suite.open(size);
      const page = b.page;
      await page.goto(`${suite.url()}/?${FRESH}`);
      await page.getByRole("button", { name: "Quick play" }).click();
      await page.getByRole("dialog", { name: "Practice" }).waitFor();
      // No room yet: the practice is the browser's own board.
      expect(await page.evaluate(() => (window as unknown as { smolder: { scenes(): string[] } }).smolder.scenes())).toContain("practice");
      await expect.poll(() => stepText(page)).toMatch(/^A fire!/);
      writeFileSync(`${SHOTS}/practice-${size.name}-1.png`, await page.screenshot());

      await putOutAFire(page);
      await expect.poll(() => stepText(page)).toMatch(/^Praise!/);
      if (size.touch) await page.getByRole("button", { name: "Step back" }).dispatchEvent("pointerdown", { pointerId: 3, isPrimary: true });
      else await page.keyboard.press("KeyQ");
      await expect.poll(() => stepText(page)).toMatch(/^Purple tiles/);
      writeFileSync(`${SHOTS}/practice-${size.name}-3.png`, await page.screenshot());
      // Invest where you stand (step to a healthy tile first if a fire is under you).
      const s = (await seen(page))!;
      const here = Math.floor(s.you!.y / 256) * s.width + Math.floor(s.you!.x / 256);
      expect(s.heat[here]).toBe(0);
      if (size.touch) await page.getByRole("button", { name: "Invest" }).dispatchEvent("pointerdown", { pointerId: 4, isPrimary: true });
      else await page.keyboard.press("KeyE");
      await expect.poll(() => stepText(page), { timeout: 10_000 }).toMatch(/^Guard earns/);
      writeFileSync(`${SHOTS}/practice-${size.name}-4.png`, await page.screenshot());
      await page.getByRole("button", { name: "Play the round" }).click();
      await waitUntil(page, (x) => x?.stage === "playing" && x.you !== undefined, 20_000);
      await expect.poll(() => page.evaluate(() => (window as unknown as { smolder: { scenes(): string[] } }).smolder.scenes())).toContain("game");
      expect(await page.evaluate(() => localStorage.getItem("smolder.tutorialDone"))).toBe("1");
      // Nothing of the lesson is left over the round.
      expect(await page.getByRole("dialog").count()).toBe(0);
      expect(b.errors).toEqual([]);
    });
  }

  it("Skip practice is remembered: the next visit goes straight to the round", async () => {
    const b = await suite.open();
    const page = b.page;
    await page.goto(`${suite.url()}/?${FRESH}`);
    await page.getByRole("button", { name: "Quick play" }).click();
    await page.getByRole("button", { name: "Skip practice" }).click();
    await waitUntil(page, (x) => x?.stage === "playing" && x.you !== undefined, 20_000);
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${suite.url()}/?${FRESH}`);
    await page.getByRole("button", { name: "Quick play" }).click();
    await waitUntil(page, (x) => x?.stage === "playing" && x.you !== undefined, 20_000);
    expect(await page.getByRole("dialog", { name: "Practice" }).count()).toBe(0);
    expect(b.errors).toEqual([]);
  });

  it("pressing E or Space again while the action runs, or holding the key, sends it once", async () => {
    const b = await suite.open();
    const page = b.page;
    await quickPlay(page, suite.url(), FRESH);
    // Invest (4 s): press, wait until it shows, press twice more and hold with auto-repeat.
    const s = (await seen(page))!;
    const here = Math.floor(s.you!.y / 256) * s.width + Math.floor(s.you!.x / 256);
    if (s.heat[here]! > 0) await page.keyboard.press("ArrowUp");
    const before = (await sent(page)).invest ?? 0;
    await page.keyboard.press("KeyE");
    await waitUntil(page, (x) => x?.you?.action === 2, 5000);
    await page.keyboard.press("KeyE");
    await page.keyboard.press("KeyE");
    await page.evaluate(() => {
      for (let i = 0; i < 5; i++) window.dispatchEvent(new KeyboardEvent("keydown", { code: "KeyE", key: "e", repeat: true }));
    });
    const still = await seen(page);
    expect(still?.you?.action).toBe(2);
    expect(((await sent(page)).invest ?? 0) - before).toBe(1);
    // Two quick presses of Space on one fire: one intent (the second waits for the first).
    const fires = (await sent(page)).extinguish ?? 0;
    await page.keyboard.press("Space");
    await page.keyboard.press("Space");
    expect(((await sent(page)).extinguish ?? 0) - fires).toBe(1);
    expect(b.errors).toEqual([]);
  });

  it("a watcher (a full hosted room) gets no energy bar, no pad and no practice", async () => {
    const res = await fetch(`${suite.url()}/api/rooms`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ tickMs: 50 }),
    });
    const created = (await res.json()) as { code: string; hostSecret: string };
    const ws = suite.url().replace("http", "ws");
    const host = await new Client(ws).joinById(created.code, { hostSecret: created.hostSecret });
    host.onMessage("*", () => undefined);
    const crew = [];
    for (let i = 0; i < 16; i++) {
      const r = await new Client(ws).joinById(created.code, { name: `Crew ${i + 1}` });
      r.onMessage("*", () => undefined);
      crew.push(r);
    }
    const w = await suite.open({ width: 390, height: 844, touch: true });
    await w.page.addInitScript(() => localStorage.setItem("smolder.tutorialDone", "1"));
    await w.page.goto(`${suite.url()}/join/${created.code}`);
    await w.page.getByLabel("Your name").fill("Watcher");
    await w.page.getByRole("button", { name: "Join with code" }).click();
    await expect
      .poll(
        async () =>
          (
            (await w.page.evaluate(() => (window as unknown as { smolder: { frame(): { hosted: { watching: boolean } | null } | null } }).smolder.frame())) as {
              hosted: { watching: boolean } | null;
            } | null
          )?.hosted?.watching,
      )
      .toBe(true);
    host.send("host", { command: "start", countdownSeconds: 0 });
    await expect
      .poll(() => w.page.evaluate(() => (window as unknown as { smolder: { scenes(): string[] } }).smolder.scenes()), { timeout: 20_000 })
      .toContain("game");
    await expect.poll(() => w.page.getByTestId("clock").isVisible()).toBe(true);
    expect(await w.page.getByRole("meter", { name: "Energy" }).isVisible()).toBe(false);
    expect(await w.page.getByTestId("watching").isVisible()).toBe(true);
    expect(await w.page.getByTestId("my-praise").isVisible()).toBe(false);
    expect(await w.page.locator(".pad").count()).toBe(0);
    expect(await w.page.getByRole("dialog").count()).toBe(0);
    writeFileSync(`${SHOTS}/watcher-phone.png`, await w.page.screenshot());
    // Keys send nothing for a watcher.
    await w.page.keyboard.press("KeyE");
    await w.page.keyboard.press("ArrowUp");
    expect(await sent(w.page)).toEqual({});
    for (const r of [host, ...crew]) await r.leave().catch(() => undefined);
    expect(w.errors).toEqual([]);
  });
});

// A person's view of a round in real Chromium: join, see each other, put out a fire,
// invest, step back, play on a phone, reload back into the same seat.
import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { PALETTE } from "../../client/constants.js";
import { Action } from "../../shared/state.js";
import { type Browser, browserSuite, looksDrawn, runBrowserTests } from "./harness.js";
import { putOutAFire, quickPlay, seen, waitUntil } from "./drive.js";

const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });

/** What the round's map last drew (the board's still layer), as the page reports it. */
async function drawn(page: Page): Promise<{ guarded: number; revealed: boolean; embers: number } | null> {
  return page.evaluate(() => (window as unknown as { smolder: { drawn(): { guarded: number; revealed: boolean; embers: number } | null } }).smolder.drawn());
}

async function shot(b: Browser, name: string): Promise<Buffer> {
  const png = await b.page.screenshot();
  writeFileSync(`${SHOTS}/${name}.png`, png);
  return png;
}

// Idle bots fill the seats, so the fires wait for the people in the test. Each test opens a
// fresh room: an untended map collapses within a minute or so.
const ROOM = "scenario=workshop&countdownSeconds=2&bots=idle";
const FRESH = `${ROOM}&fresh`;

describe.runIf(runBrowserTests)("playing in the browser", () => {
  const suite = browserSuite();
  const open = suite.open;

  it("two people join the same room; one puts out a fire and both see the praise", async () => {
    const a = await open();
    const b = await open();
    await quickPlay(a.page, suite.url(), FRESH);
    await quickPlay(b.page, suite.url(), ROOM);
    const sa = await seen(a.page);
    const sb = await seen(b.page);
    expect(sa!.players.map((p) => p.key)).toContain(sb!.you!.key);
    expect(sb!.players.map((p) => p.key)).toContain(sa!.you!.key);
    const before = await shot(a, "1-before-save");
    expect(looksDrawn(before)).toBe(true);

    const praise = await putOutAFire(a.page);
    expect(praise).toBeGreaterThan(0);
    await expect.poll(() => a.page.getByTestId("my-praise").textContent()).toBe(String(praise));
    // The other browser sees it on the leaderboard.
    const aName = sa!.you!.name;
    await expect.poll(async () => (await b.page.locator(".leaderboard li", { hasText: aName }).textContent()) ?? "").toContain(String(praise));
    await shot(a, "2-after-save");
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });

  it("where WebGL runs in software the map is drawn on the 2D canvas, and every bot's disc shows its seat's colour in both renderers", async () => {
    for (const [query, renderer] of [
      ["", "canvas"],
      ["&renderer=webgl", "webgl"],
    ] as const) {
      const b = await open();
      await quickPlay(b.page, suite.url(), `scenario=workshop&countdownSeconds=0&seats=4&bots=idle&fresh${query}`);
      expect(await b.page.evaluate(() => (window as unknown as { smolder: { renderer(): string } }).smolder.renderer())).toBe(renderer);
      const s = await seen(b.page);
      const bots = s!.players.filter((p) => p.bot !== "");
      expect(bots.length).toBe(3);
      // Idle bots stand still; give the avatars a moment to settle on their places.
      await b.page.waitForTimeout(1500);
      const img = PNG.sync.read(await shot(b, `renderer-${renderer}`));
      for (const bot of bots) {
        // A bot's seat number sits on the middle of its disc; the disc's colour shows to its left.
        const box = await b.page.locator(".name-tag.on-disc", { hasText: new RegExp(`^${bot.seat + 1}$`) }).boundingBox();
        expect(box, `seat ${bot.seat + 1}'s tag`).not.toBeNull();
        const radius = box!.height / 1.3;
        const x = Math.round(box!.x + box!.width / 2 - radius * 0.6);
        const y = Math.round(box!.y + box!.height / 2);
        const i = (y * img.width + x) * 4;
        const want = PALETTE.seats[bot.seat % PALETTE.seats.length]!;
        const got = [img.data[i]!, img.data[i + 1]!, img.data[i + 2]!];
        const off = Math.max(...[16, 8, 0].map((shift, k) => Math.abs(((want >> shift) & 255) - got[k]!)));
        expect(off, `seat ${bot.seat + 1} in ${renderer}: ${got.join(",")} for #${want.toString(16)}`).toBeLessThan(24);
      }
      expect(b.errors).toEqual([]);
      await b.close();
    }
  });

  it("on the big map the camera follows you and a minimap shows the whole organisation", async () => {
    const m = await open();
    await quickPlay(m.page, suite.url(), "scenario=classic&startPhase=2&countdownSeconds=0&seats=2&bots=idle&fresh");
    // The camera first shows the map growing, then follows; the minimap appears with it.
    await expect.poll(() => m.page.getByTestId("minimap").isVisible(), { timeout: 10_000 }).toBe(true);
    const colours = await m.page.getByTestId("minimap").evaluate((c) => {
      const d = (c as HTMLCanvasElement).getContext("2d")!.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height).data;
      const seenColours = new Set<number>();
      for (let i = 0; i < d.length; i += 16) seenColours.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
      return seenColours.size;
    });
    // Tiles, your ring and the view frame at least: not a blank square.
    expect(colours).toBeGreaterThan(3);
    writeFileSync(`${SHOTS}/minimap.png`, await m.page.screenshot());
    // Your name is page text at its own size over your avatar, also when the canvas draws
    // fewer pixels than it shows (text drawn into the canvas and scaled blurs).
    for (const scale of [1, 0.75]) {
      await m.page.evaluate(`window.smolder.fixRenderScale(${scale})`);
      await m.page.waitForTimeout(300);
      const tag = await m.page.locator(".name-tag.you").evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { size: getComputedStyle(el).fontSize, text: el.textContent, x: r.x + r.width / 2, bottom: r.bottom };
      });
      const me = (await m.page.evaluate(`(() => {
        const cam = window.smolder.game.scene.getScene("game").cameras.main;
        const f = window.smolder.frame();
        const css = window.smolder.game.canvas.clientWidth / window.smolder.game.scale.width;
        const wx = (f.you.x / 256) * 32, wy = (f.you.y / 256) * 32;
        return { x: (wx - cam.worldView.x) * cam.zoom * css, y: (wy - cam.worldView.y) * cam.zoom * css };
      })()`)) as { x: number; y: number };
      expect(tag.size).toBe("13px");
      expect(tag.text).toMatch(/\(you\)/);
      expect(Math.abs(tag.x - me.x)).toBeLessThan(24);
      expect(me.y - tag.bottom).toBeGreaterThan(0);
      expect(me.y - tag.bottom).toBeLessThan(60);
    }
    expect(m.errors).toEqual([]);
  });

  it("investing and stepping back change what is on screen", async () => {
    const c = await open();
    await quickPlay(c.page, suite.url(), FRESH);
    await shot(c, "3-before-invest");
    const before = (await drawn(c.page))!;
    expect(before.revealed).toBe(false);
    // Invest where the avatar stands. A fire may break out under it, before the work starts (the
    // rules refuse to build on a burning tile) or while it runs (the fire stops the work): then
    // step off it, up or down, and press E again, as a person would, until a guard stands.
    const isGuarded = (x: Awaited<ReturnType<typeof seen>>) => x?.guard.some((g) => g > 0) ?? false;
    let guarded: Awaited<ReturnType<typeof seen>> = null;
    for (let attempt = 0; attempt < 5 && !guarded; attempt++) {
      const s = (await seen(c.page))!;
      const tile = Math.floor(s.you!.y / 256) * s.width + Math.floor(s.you!.x / 256);
      if (s.heat[tile]! > 0) {
        const key = attempt % 2 === 0 ? "ArrowUp" : "ArrowDown";
        await c.page.keyboard.down(key);
        await waitUntil(c.page, (x) => Math.floor(x!.you!.y / 256) !== Math.floor(s.you!.y / 256), 3000).catch(() => null);
        await c.page.keyboard.up(key);
      }
      await c.page.keyboard.press("KeyE");
      // Four seconds of work plus dust; a refused or stopped invest shows as no action at all.
      await waitUntil(c.page, (x) => isGuarded(x) || x?.you?.action === Action.Invest, 2500).catch(() => null);
      guarded = await waitUntil(c.page, (x) => isGuarded(x) || x?.you?.action !== Action.Invest, 10_000)
        .then((x) => (isGuarded(x) ? x : null))
        .catch(() => null);
    }
    if (!guarded) {
      const last = await seen(c.page);
      const sent = await c.page.evaluate(() => (window as unknown as { smolder: { sent(): unknown } }).smolder.sent());
      throw new Error(
        `no guard after 5 tries; you: ${JSON.stringify(last?.you)}; intents sent: ${JSON.stringify(sent)}; page errors: ${JSON.stringify(c.errors)}`,
      );
    }
    expect(guarded.guard.some((g) => g > 0)).toBe(true);
    // The map draws the new guard: the board's still layer holds more guarded tiles than before.
    await expect.poll(async () => (await drawn(c.page))?.guarded ?? 0).toBeGreaterThan(before.guarded);
    await shot(c, "4-after-invest");

    await c.page.keyboard.press("KeyQ");
    await waitUntil(c.page, (x) => x?.risk !== null && x?.risk !== undefined, 8000);
    await expect.poll(() => c.page.locator(".reveal-note.shown").count()).toBe(1);
    await expect.poll(async () => (await drawn(c.page))?.revealed).toBe(true);
    expect(looksDrawn(await shot(c, "5-step-back-reveal"))).toBe(true);
    expect(c.errors).toEqual([]);
  });

  it("a reload brings the player back to the same seat with their praise", async () => {
    const d = await open();
    await quickPlay(d.page, suite.url(), FRESH);
    const praise = await putOutAFire(d.page);
    const before = (await seen(d.page))!.you!;
    await d.page.reload();
    const back = await waitUntil(d.page, (x) => x?.stage === "playing" && x.you !== undefined, 15_000);
    expect(back.you!.seat).toBe(before.seat);
    expect(back.you!.key).toBe(before.key);
    expect(back.you!.praise).toBeGreaterThanOrEqual(praise);
    expect(d.errors).toEqual([]);
  });

  it("a dropped connection shows a banner while it retries, then play goes on in the same seat", async () => {
    const n = await open();
    await quickPlay(n.page, suite.url(), FRESH);
    const before = (await seen(n.page))!.you!;
    await n.page.evaluate("window.smolder.dropConnection()");
    const banner = () =>
      n.page
        .getByRole("alert")
        .textContent({ timeout: 200 })
        .catch(() => "");
    await expect.poll(banner, { timeout: 5000 }).toContain("Reconnecting");
    await expect.poll(() => n.page.getByRole("alert").count(), { timeout: 15_000 }).toBe(0);
    const back = await waitUntil(n.page, (x) => x?.you !== undefined, 10_000);
    expect(back.you!.seat).toBe(before.seat);
    // The screen follows the new connection: the clock keeps moving.
    const clock = await n.page.getByTestId("clock").textContent();
    await expect.poll(() => n.page.getByTestId("clock").textContent(), { timeout: 5000 }).not.toBe(clock);
    expect(n.errors).toEqual([]);
  });

  it("plays on a phone-sized screen with touch controls", async () => {
    const p = await open({ width: 390, height: 844, touch: true });
    await quickPlay(p.page, suite.url(), FRESH);
    await expect.poll(() => p.page.locator(".pad button").count()).toBe(9);
    const start = (await seen(p.page))!.you!;
    // Head for the side of the map with more room, so the walk cannot end against its edge.
    const s = (await seen(p.page))!;
    const towardRight = Math.floor(start.x / 256) < s.ax + s.side / 2;
    const pad = p.page.getByRole("button", { name: towardRight ? "move →" : "move ←" });
    await pad.dispatchEvent("pointerdown", { pointerId: 1, isPrimary: true });
    await p.page.waitForTimeout(900);
    await pad.dispatchEvent("pointerup", { pointerId: 1, isPrimary: true });
    const moved = await waitUntil(p.page, (x) => Math.abs((x?.you?.x ?? start.x) - start.x) > 256, 5000);
    expect(Math.sign(moved.you!.x - start.x)).toBe(towardRight ? 1 : -1);
    await p.page.getByRole("button", { name: "Step back" }).dispatchEvent("pointerdown", { pointerId: 2, isPrimary: true });
    await waitUntil(p.page, (x) => x?.risk !== null && x?.risk !== undefined, 8000);
    expect(looksDrawn(await shot(p, "6-phone-step-back"))).toBe(true);
    expect(p.errors).toEqual([]);
  });

  it("offers a practice before the first round (skippable) and the help on ?", async () => {
    const t = await open();
    await t.page.goto(`${suite.url()}/?${FRESH}`);
    await t.page.getByRole("button", { name: "Quick play" }).click();
    await expect.poll(() => t.page.getByRole("dialog", { name: "Practice" }).count()).toBe(1);
    await t.page.getByRole("button", { name: "Skip practice" }).click();
    await waitUntil(t.page, (x) => x?.stage === "playing" && x.you !== undefined, 20_000);
    await t.page.keyboard.press("?");
    await expect.poll(() => t.page.getByRole("dialog", { name: "How to play" }).count()).toBe(1);
    await shot(t, "7-help");
    expect(t.errors).toEqual([]);
  });
});

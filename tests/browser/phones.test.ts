// A whole quick-play round on a laptop, a phone in portrait and a phone in landscape: the map
// keeps most of the screen, nothing is wider than the screen, and the results fit and show
// every column, the charts and the player's own story.
import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, runBrowserTests } from "./harness.js";
import { putOutAFire, quickPlay, seen } from "./drive.js";

const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });

// A short scenario played fast by the default mixed bots, so the results have praise, embers
// and a story to tell.
const ROUND = "scenario=startup&countdownSeconds=0&tickMs=15&fresh";
const HEROICS = "scenario=startup&countdownSeconds=0&tickMs=35&bots=idle&fresh";

interface Fit {
  scrollWidth: number;
  innerWidth: number;
  /** Visible elements whose box (clipped by scrolling or hidden-overflow ancestors) leaves the screen. */
  outside: string[];
}

/** Whether anything sticks out of the screen sideways, or out of the bottom outside a scroller. */
async function fit(page: Page): Promise<Fit> {
  return page.evaluate(() => {
    const W = window.innerWidth;
    const H = window.innerHeight;
    const outside: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("#ui *")) {
      const cs = getComputedStyle(el);
      if (cs.visibility === "hidden" || cs.display === "none") continue;
      let r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      let left = r.left;
      let right = r.right;
      let top = r.top;
      let bottom = r.bottom;
      let scrolled = false;
      for (let a = el.parentElement; a && a.id !== "ui"; a = a.parentElement) {
        const acs = getComputedStyle(a);
        if (acs.display === "none") {
          left = right;
          break;
        }
        const ox = acs.overflowX;
        const oy = acs.overflowY;
        r = a.getBoundingClientRect();
        if (ox !== "visible") {
          left = Math.max(left, r.left);
          right = Math.min(right, r.right);
        }
        if (oy === "auto" || oy === "scroll") scrolled = true;
        else if (oy !== "visible") {
          top = Math.max(top, r.top);
          bottom = Math.min(bottom, r.bottom);
        }
      }
      if (right <= left || bottom <= top) continue;
      // A scroller must not scroll sideways: that is a cut-off panel by another name.
      if ((cs.overflowX === "auto" || cs.overflowX === "scroll") && el.scrollWidth > el.clientWidth + 1)
        outside.push(`${el.tagName.toLowerCase()}.${el.className} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`);
      const outX = left < -1 || right > W + 1;
      const outY = !scrolled && (top < -1 || bottom > H + 1);
      if (outX || outY)
        outside.push(`${el.tagName.toLowerCase()}.${el.className} [${Math.round(left)},${Math.round(top)} → ${Math.round(right)},${Math.round(bottom)}]`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: W, outside };
  });
}

/** The share of the canvas no HTML box with a visible background, border or content covers. */
async function mapShare(page: Page): Promise<{ uncovered: number; free: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector("#game canvas")!.getBoundingClientRect();
    const boxes: DOMRect[] = [];
    for (const el of document.querySelectorAll<HTMLElement>("#ui *")) {
      const cs = getComputedStyle(el);
      if (cs.visibility === "hidden" || cs.display === "none" || Number(cs.opacity) === 0) continue;
      const painted =
        !/rgba\(.*,\s*0\)|transparent/.test(cs.backgroundColor) ||
        parseFloat(cs.borderTopWidth) > 0 ||
        ["BUTTON", "CANVAS", "INPUT", "IMG"].includes(el.tagName);
      let hidden = false;
      for (let a = el.parentElement; a && a.id !== "ui"; a = a.parentElement)
        if (getComputedStyle(a).display === "none" || Number(getComputedStyle(a).opacity) === 0) hidden = true;
      const r = el.getBoundingClientRect();
      if (painted && !hidden && r.width > 0 && r.height > 0) boxes.push(r);
    }
    let open = 0;
    let all = 0;
    const step = 4;
    for (let y = canvas.top + step / 2; y < canvas.bottom; y += step)
      for (let x = canvas.left + step / 2; x < canvas.right; x += step) {
        all++;
        if (!boxes.some((b) => x >= b.left && x < b.right && y >= b.top && y < b.bottom)) open++;
      }
    // The rectangle the camera frames the map in (the --map-* margins it measured).
    const css = getComputedStyle(document.documentElement);
    const px = (n: string) => parseFloat(css.getPropertyValue(n)) || 0;
    const free =
      ((window.innerWidth - px("--map-left") - px("--map-right")) * (window.innerHeight - px("--map-top") - px("--map-bottom"))) /
      (window.innerWidth * window.innerHeight);
    return { uncovered: open / Math.max(1, all), free };
  });
}

/** Each size, and the smallest phone of its orientation the help and the results must also fit. */
const SIZES = [
  { name: "laptop", width: 1280, height: 720, touch: false, mapShare: 0.5, small: null, heroics: true },
  { name: "phone-portrait", width: 390, height: 844, touch: true, mapShare: 0.4, small: { width: 360, height: 640 }, heroics: false },
  { name: "phone-landscape", width: 844, height: 390, touch: true, mapShare: 0.5, small: { width: 640, height: 360 }, heroics: false },
];

async function headings(page: Page): Promise<{ text: string | null; inside: boolean; onTop: boolean }[]> {
  return page.locator(".scores th").evaluateAll((ths) =>
    ths.map((th) => {
      th.scrollIntoView({ block: "center" });
      const r = th.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { text: th.textContent, inside: r.left >= 0 && r.right <= window.innerWidth && r.width > 0, onTop: top === th || th.contains(top) };
    }),
  );
}

describe.runIf(runBrowserTests)("every screen size", () => {
  const suite = browserSuite();

  for (const size of SIZES) {
    it(`a round on a ${size.name} (${size.width}×${size.height}) leaves the map room and fits the results`, async () => {
      const b = await suite.open({ width: size.width, height: size.height, touch: size.touch });
      const page = b.page;
      if (size.small) {
        // The title form fits the smallest phone of this orientation (it scrolls, never sideways).
        await page.setViewportSize(size.small);
        await page.goto(`${suite.url()}/`);
        await page.getByLabel("Your name").waitFor();
        writeFileSync(`${SHOTS}/size-${size.name}-small-title.png`, await page.screenshot());
        expect((await fit(page)).outside).toEqual([]);
        await page.setViewportSize({ width: size.width, height: size.height });
      }
      // On the laptop the player puts out fires (idle bots leave them all to the player), so the
      // results have a story to tell.
      await quickPlay(page, suite.url(), size.heroics ? HEROICS : ROUND);
      if (size.touch) await expect.poll(() => page.locator(".pad button").count()).toBe(9);
      // The praise race is on screen in some form on every size.
      await expect.poll(async () => (await page.locator(size.touch ? '[data-testid="board-line"]' : ".leaderboard").textContent()) ?? "").toMatch(/\d/);
      const share = await mapShare(page);
      console.info(`${size.name}: map uncovered ${(share.uncovered * 100).toFixed(0)}% of the screen, framed area ${(share.free * 100).toFixed(0)}%`);
      writeFileSync(`${SHOTS}/size-${size.name}-play.png`, await page.screenshot());
      expect(share.uncovered, JSON.stringify(share)).toBeGreaterThanOrEqual(size.mapShare);
      // Stricter: the rectangle the camera frames the map in, clear of every edge's HTML.
      expect(share.free, JSON.stringify(share)).toBeGreaterThanOrEqual(size.mapShare);
      const playing = await fit(page);
      expect(playing.scrollWidth).toBeLessThanOrEqual(playing.innerWidth);
      expect(playing.outside).toEqual([]);
      if (size.small) {
        // The smallest phone of this orientation: the HUD and the help still fit.
        await page.setViewportSize(size.small);
        await page.getByRole("button", { name: "Help" }).click();
        await page.getByRole("dialog", { name: "How to play" }).waitFor();
        writeFileSync(`${SHOTS}/size-${size.name}-small-help.png`, await page.screenshot());
        const help = await fit(page);
        expect(help.scrollWidth).toBeLessThanOrEqual(help.innerWidth);
        expect(help.outside).toEqual([]);
        await page.getByRole("button", { name: "Back to the game" }).click();
        await page.setViewportSize({ width: size.width, height: size.height });
      }
      // A dropped connection is a banner across the top, not a sheet over the whole screen.
      await page.evaluate("window.smolder.dropConnection()");
      const banner = page.getByRole("alert");
      await banner.waitFor({ timeout: 5000 });
      const box = (await banner.boundingBox())!;
      writeFileSync(`${SHOTS}/size-${size.name}-banner.png`, await page.screenshot());
      expect(box.height).toBeLessThan(size.height * 0.2);
      await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);

      if (size.heroics) for (let i = 0; i < 3; i++) await putOutAFire(page).catch(() => undefined);
      // The round ends by itself; the results must fit with every column heading in view.
      await expect.poll(async () => (await seen(page))?.stage, { timeout: 60_000 }).toBe("ended");
      const table = page.locator(".scores");
      await table.waitFor({ timeout: 15_000 });
      const heads = await headings(page);
      expect(heads.map((x) => x.text)).toEqual(["Player", "Praise", "Direct", "Indirect", "Net"]);
      for (const head of heads) expect(head, JSON.stringify(head)).toMatchObject({ inside: true, onTop: true });
      await page.locator(".panel.results").evaluate((el) => el.parentElement!.scrollTo(0, 0));
      writeFileSync(`${SHOTS}/size-${size.name}-results.png`, await page.screenshot());
      const results = await fit(page);
      expect(results.scrollWidth).toBeLessThanOrEqual(results.innerWidth);
      expect(results.outside).toEqual([]);
      // Your own story and the round over time, on every size.
      await expect.poll(() => page.getByTestId("my-story").textContent()).toMatch(/^You earned/);
      expect(await page.getByTestId("results-chart").locator("canvas").count()).toBeGreaterThan(0);
      if (size.small) {
        await page.setViewportSize(size.small);
        for (const head of await headings(page)) expect(head, JSON.stringify(head)).toMatchObject({ inside: true, onTop: true });
        await page.locator(".panel.results").evaluate((el) => el.parentElement!.scrollTo(0, 0));
        writeFileSync(`${SHOTS}/size-${size.name}-small-results.png`, await page.screenshot());
        const small = await fit(page);
        expect(small.scrollWidth).toBeLessThanOrEqual(small.innerWidth);
        expect(small.outside).toEqual([]);
      }
      expect(b.errors).toEqual([]);
    });
  }
});

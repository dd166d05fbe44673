// A round played by keyboard alone, reading only what a screen reader would: Tab to Quick play,
// then the live region beside the canvas says where the fires are (L asks), the arrow keys walk
// there, Space puts the fire out, and the live region says so. Then the results. And the
// organisation growing is said once, not once by the log and again by the HUD's toast.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, runBrowserTests } from "./harness.js";

const lines = (page: Page) => page.getByTestId("announcer").locator("p").allTextContents();

const KEYS: Record<string, string[]> = {
  north: ["ArrowUp"],
  south: ["ArrowDown"],
  east: ["ArrowRight"],
  west: ["ArrowLeft"],
  "north-east": ["ArrowUp", "ArrowRight"],
  "north-west": ["ArrowUp", "ArrowLeft"],
  "south-east": ["ArrowDown", "ArrowRight"],
  "south-west": ["ArrowDown", "ArrowLeft"],
};

/** Presses L and returns the nearest fire's words: "on your tile", "right next to you, …" or "N tiles …". */
async function nearestFire(page: Page): Promise<string | null> {
  const before = (await lines(page)).filter((l) => l.startsWith("You are at column")).length;
  await page.keyboard.press("KeyL");
  let said: string | undefined;
  // A fresh answer: the log keeps the last few lines, so wait for the newest one to be this press's.
  await expect
    .poll(async () => {
      const all = await lines(page);
      said = [...all].reverse().find((l) => l.startsWith("You are at column"));
      return all.filter((l) => l.startsWith("You are at column")).length > before || (all.length >= 6 && said !== undefined && all.at(-1) === said);
    })
    .toBe(true);
  const m = /(?:fires? burning\.(?: Nearest:)? )([^,;]+(?:, [a-z-]+)?)/.exec(said!);
  return m ? m[1]! : null;
}

describe.runIf(runBrowserTests)("playing by keyboard and live region alone", () => {
  const suite = browserSuite(async (b) => {
    await b.page.addInitScript(() => localStorage.setItem("smolder.tutorialDone", "1"));
  });

  it("Tabs to Quick play, hears of a fire, walks there, puts it out and reaches the results", async () => {
    const { page, errors } = await suite.open();
    // Idle bots and fast ticks: the fires wait for the player, and the untended map ends the round soon after.
    await page.goto(`${suite.url()}/?scenario=workshop&countdownSeconds=0&bots=idle&tickMs=50&fresh`);
    await page.getByLabel("Your name").waitFor();
    // Focus starts in the name field; one Tab reaches Quick play.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Quick play");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { smolder: { scenes(): string[] } }).smolder.scenes().includes("game")), { timeout: 30_000 })
      .toBe(true);

    let out = false;
    const end = Date.now() + 90_000;
    while (!out && Date.now() < end) {
      const where = await nearestFire(page);
      if (!where) {
        await page.waitForTimeout(500);
        continue;
      }
      const away = /^(\d+) tiles? ([a-z-]+)$/.exec(where);
      if (away) {
        // Walk toward it for a moment, then ask again.
        const keys = KEYS[away[2]!]!;
        for (const k of keys) await page.keyboard.down(k);
        await page.waitForTimeout(Math.min(400, 120 * Number(away[1])));
        for (const k of keys) await page.keyboard.up(k);
        continue;
      }
      // On the tile or right next to it: Space, then listen.
      await page.keyboard.press("Space");
      out = await page
        .waitForFunction(() => [...document.querySelectorAll("[data-testid=announcer] p")].some((p) => p.textContent?.startsWith("Fire out.")), null, {
          timeout: 4000,
        })
        .then(
          () => true,
          () => false,
        );
    }
    expect(out).toBe(true);
    console.log("live region:", (await lines(page)).join(" | "));
    // The untended map ends the round; the results come by themselves.
    await page.getByTestId("outcome").waitFor({ timeout: 120_000 });
    expect(await page.getByTestId("announcer").count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it("says the organisation grew once, in one live region", async () => {
    const { page, errors } = await suite.open();
    // Preventer bots hold the map until the second phase (1:20), ten times faster than the clock.
    await page.goto(`${suite.url()}/?scenario=workshop&countdownSeconds=0&bots=preventer&tickMs=10&fresh`);
    await page.getByLabel("Your name").waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { smolder: { scenes(): string[] } }).smolder.scenes().includes("game")), { timeout: 30_000 })
      .toBe(true);
    // Everything any live region on the page is given to say, from here on (what is under
    // aria-hidden or aria-live=off is not said).
    await page.evaluate(() => {
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      const spoken = (n: Node): boolean => {
        const start = n instanceof Element ? n : n.parentElement;
        if (!start || start.closest("[aria-hidden=true]")) return false;
        for (let e: Element | null = start; e; e = e.parentElement) {
          const live = e.getAttribute("aria-live");
          if (live === "off") return false;
          if (live === "polite" || live === "assertive" || ["log", "status", "alert"].includes(e.getAttribute("role") ?? "")) return true;
        }
        return false;
      };
      new MutationObserver((records) => {
        for (const r of records) {
          if (!spoken(r.target)) continue;
          if (r.type === "characterData") said.push(r.target.textContent ?? "");
          for (const n of r.addedNodes) if (n.textContent?.trim()) said.push(n.textContent);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const phase = () => page.evaluate(() => (window as unknown as { smolder: { frame(): { phase: number } | null } }).smolder.frame()?.phase ?? 0);
    await expect.poll(phase, { timeout: 60_000 }).toBe(1);
    // The log and the toast both had their moment to speak.
    await page.waitForTimeout(1500);
    const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
    const grew = said.filter((line) => line.includes("1 to 10"));
    console.log("said about the phase:", grew);
    expect(grew).toHaveLength(1);
    // The toast still shows it to sighted players.
    expect(await page.locator(".toast.info").textContent()).toContain("1 to 10");
    expect(errors).toEqual([]);
  });
});

// The debrief in real Chromium: a host plays two short rounds (heroes, then a balanced team),
// opens the debrief, compares the rounds, runs a what-if, scrubs the replay from a chart, and
// pushes the debrief to a player and the projector. Then the session is reopened from the
// list of past sessions. Charts must be drawn (not blank) and the tables filled.
import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Browser, browserSuite, hasMarks, looksDrawn, runBrowserTests } from "./harness.js";
import { makeKeptRoom } from "./drive.js";

const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });

type Seen = { stage: string; tick: number; hosted: { code: string; round: number } | null } | null;
const seen = (page: Page): Promise<Seen> => page.evaluate(() => (window as unknown as { smolder: { frame(): Seen } }).smolder.frame());

async function waitFor(page: Page, test: (s: Seen) => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test(await seen(page))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}

async function shot(page: Page, name: string, selector?: string): Promise<Buffer> {
  await page.bringToFront();
  await page.waitForTimeout(300);
  const png = selector ? await page.locator(selector).first().screenshot() : await page.screenshot();
  writeFileSync(`${SHOTS}/${name}.png`, png);
  return png;
}

describe.runIf(runBrowserTests)("the debrief in the browser", () => {
  const suite = browserSuite(async (b) => {
    await b.page.addInitScript(() => localStorage.setItem("smolder.tutorialDone", "1"));
  });

  it("host compares rounds, runs a what-if, scrubs the replay and shows the debrief everywhere", async () => {
    const host: Browser = await suite.open({ width: 1440, height: 1000 });
    const created = await makeKeptRoom(host.page, suite.url(), "room", 10);
    await host.page.goto(`${suite.url()}/host?code=${created.code}`);
    await host.page.getByTestId("host-code").waitFor();

    const player = await suite.open({ width: 1280, height: 800 });
    await player.page.goto(`${suite.url()}/join/${created.code}`);
    await player.page.getByLabel("Your name").fill("Ada");
    await player.page.getByRole("button", { name: "Join with code" }).click();
    await waitFor(player.page, (s) => s?.hosted?.code === created.code, "Ada in the lobby");
    const phone = await suite.open({ width: 390, height: 844, touch: true });
    await phone.page.goto(`${suite.url()}/join/${created.code}`);
    await phone.page.getByLabel("Your name").fill("Bo");
    await phone.page.getByRole("button", { name: "Join with code" }).click();
    await waitFor(phone.page, (s) => s?.hosted?.code === created.code, "Bo in the lobby");
    const screen = await host.context.newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.goto(`${suite.url()}/screen/${created.code}`);
    await host.page.bringToFront();

    /** Plays a round of `seconds`; with `endAt`, the host ends it once that many seconds are played. */
    const playRound = async (round: number, bots: string, seconds = 60, endAt?: number) => {
      await host.page.locator("#s-scenario").selectOption("workshop");
      await host.page.locator("#s-duration").fill(String(seconds));
      await host.page.locator("#s-seats").fill("4");
      await host.page.locator("#s-bots").selectOption(bots);
      await host.page.getByTestId("host-apply").click();
      await expect.poll(() => host.page.locator("#s-duration").inputValue()).toBe(String(seconds));
      await host.page.locator("#countdown").selectOption("0");
      await host.page.getByTestId("host-start").click();
      if (endAt !== undefined) {
        await waitFor(
          player.page,
          (s) => s?.stage === "playing" && s.hosted?.round === round && s.tick >= endAt * 10,
          `round ${round} past ${endAt} s`,
          60_000,
        );
        await host.page.getByTestId("host-end").click();
      }
      await waitFor(player.page, (s) => s?.stage === "ended" && s.hosted?.round === round, `round ${round} played out`, 60_000);
      await expect.poll(() => host.page.locator("table.rounds tbody tr").count()).toBe(round);
    };
    // Round 1 is ended early by the host, so the what-if below runs longer than what happened. The
    // heroes collapse near 0:56: at ten times the clock that leaves the host's click 3 s of margin.
    await playRound(1, "hero", 180, 25);
    await host.page.getByTestId("host-nextRound").click();
    await waitFor(player.page, (s) => s?.hosted?.round === 2 && s.stage === "lobby", "round 2 lobby");
    await playRound(2, "balanced");

    // The debrief of round 1, with round 2 beside it and a what-if.
    await host.page.getByTestId("debrief-1").click();
    const bench = host.page.getByTestId("workbench");
    await expect.poll(() => bench.getByTestId("debrief-table").locator("tbody tr").count()).toBe(4);
    await bench.locator("input[type=checkbox][data-round='2']").check();
    await expect.poll(() => bench.getByTestId("debrief-compare").locator("tbody tr").count()).toBe(2);
    await bench.getByTestId("wb-team").selectOption("balanced");
    await bench.getByTestId("wb-from").fill("20");
    await bench.getByTestId("wb-run").click();
    await expect.poll(() => bench.getByTestId("debrief-whatif").textContent()).toMatch(/balanced players from 0:20/);
    // Compared over equal spans: at the moment the real round ended, not at the what-if's own end.
    const realEnd = (await bench.getByTestId("debrief-compare").locator("tbody tr").first().textContent()) ?? "";
    const whatIf = (await bench.getByTestId("debrief-whatif").textContent()) ?? "";
    expect(whatIf).toMatch(/At (\d+:\d\d), the last moment both reached, it had/);
    expect(realEnd).toContain(`ended ${/At (\d+:\d\d),/.exec(whatIf)![1]}`);
    // A click on a chart moves the replay there.
    const before = await bench.getByTestId("wb-time").textContent();
    const over = bench.locator(".d-chart .u-over").first();
    const box = (await over.boundingBox())!;
    // Early in the chart: before the real round's end, where the replay starts (the what-if runs longer).
    await over.click({ position: { x: box.width * 0.1, y: box.height / 2 } });
    await expect.poll(() => bench.getByTestId("wb-time").textContent()).not.toBe(before);
    const benchShot = await shot(host.page, "debrief-1-host-workbench", "[data-testid=workbench]");
    expect(looksDrawn(benchShot)).toBe(true);
    const chartShot = await bench.locator(".d-chart canvas").first().screenshot();
    expect(hasMarks(chartShot)).toBe(true);
    // "Print this debrief": the debrief alone, on one page.
    // The print dialog itself is the browser's: stubbed here, so the page stays prepared for print.
    await host.page.evaluate(() => (window.print = () => undefined));
    await bench.getByTestId("wb-print").click();
    await host.page.emulateMedia({ media: "print" });
    writeFileSync(`${SHOTS}/debrief-1b-print.png`, await host.page.screenshot({ fullPage: true }));
    const printed = await host.page.pdf({ format: "A4" });
    expect((printed.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length, "pages in the printed debrief").toBe(1);
    await host.page.emulateMedia({ media: "screen" });
    await host.page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await expect.poll(() => bench.getByTestId("debrief").count(), { message: "the debrief back in the workbench" }).toBe(1);
    // Sorting by net puts the player who did the most good on top.
    await bench.getByTestId("debrief-table").getByRole("button", { name: /^Net/ }).click();
    const nets = await bench.getByTestId("debrief-table").locator("tbody tr td:nth-child(5)").allTextContents();
    const values = nets.map((t) => Number(t.replace(/[,−]/g, (c) => (c === "−" ? "-" : ""))));
    expect(values).toEqual([...values].sort((x, y) => y - x));

    // Pushed to every screen: the player sees their own row highlighted; the projector shows it big.
    await bench.getByTestId("wb-show").click();
    await player.page.getByTestId("debrief").waitFor({ timeout: 15_000 });
    await expect.poll(() => player.page.getByTestId("debrief-whatif").count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => player.page.locator("[data-testid=debrief-table] tr.you").textContent()).toContain("Ada");
    await expect.poll(() => player.page.getByTestId("debrief-compare").locator("tbody tr").count()).toBe(2);
    const playerShot = await shot(player.page, "debrief-2-player");
    expect(looksDrawn(playerShot)).toBe(true);
    await screen.getByTestId("debrief").waitFor({ timeout: 15_000 });
    await phone.page.getByTestId("debrief").waitFor({ timeout: 15_000 });
    await expect.poll(() => phone.page.locator("[data-testid=debrief-table] tr.you").textContent()).toContain("Bo");
    const phoneShot = await shot(phone.page, "debrief-2b-phone");
    // On the phone nothing in the debrief scrolls sideways.
    const sideways = await phone.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("[data-testid=debrief] *")]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
        .map((el) => `${el.className} (${el.querySelector("table")?.dataset.testid}): ${el.scrollWidth} > ${el.clientWidth}`),
    );
    expect(sideways).toEqual([]);
    expect(looksDrawn(phoneShot)).toBe(true);
    const screenShot = await shot(screen, "debrief-3-projector");
    expect(looksDrawn(screenShot)).toBe(true);
    // Legible from the back of a room: no text on the projector's debrief under 28 px.
    const smallest = await screen.getByTestId("debrief").evaluate((root) => {
      let min = Infinity;
      let what = "";
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent?.trim() || el.getClientRects().length === 0) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < min) [min, what] = [size, n.textContent.trim().slice(0, 40)];
      }
      return { min, what };
    });
    expect(smallest.min, `the smallest text on the projector's debrief ("${smallest.what}")`).toBeGreaterThanOrEqual(28);
    // The player folds it away and opens it again.
    await player.page.getByRole("button", { name: "Back to the map" }).click();
    await player.page.getByTestId("debrief-reopen").click();
    await player.page.getByTestId("debrief").waitFor();

    // Hidden by the host: gone from every screen.
    await host.page.bringToFront();
    await bench.getByTestId("wb-hide").click();
    await expect.poll(() => player.page.getByTestId("debrief").count()).toBe(0);
    await expect.poll(() => screen.getByTestId("debrief").count()).toBe(0);

    // Later: the session is listed with its two rounds and reopens for a debrief without a room.
    await host.page.goto(`${suite.url()}/host`);
    const row = host.page.getByTestId("past-sessions").locator(`tr[data-session="${created.sessionId}"]`);
    await expect.poll(() => row.locator("td").nth(2).textContent(), { timeout: 10_000 }).toBe("2");
    await row.getByRole("button", { name: "Debrief" }).click();
    await expect.poll(() => host.page.getByTestId("workbench").getByTestId("debrief-table").locator("tbody tr").count()).toBe(4);
    await shot(host.page, "debrief-4-reopened");

    expect(host.errors).toEqual([]);
    expect(player.errors).toEqual([]);
    expect(phone.errors).toEqual([]);
  }, 240_000);
});

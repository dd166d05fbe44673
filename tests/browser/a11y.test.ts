// axe-core (WCAG 2.1 A and AA) on every kind of page: title, a round with its HUD, the results,
// the host console, the projector, the debrief and the workshop dashboard. No serious or
// critical violation may be left; the counts of every impact are printed, per page and in all.
// The charts' words are checked too: what the host console's live charts and the debrief's
// charts say to a screen reader must be the numbers of the round they draw.
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { EFFORTS, type Timeline } from "../../shared/index.js";
import { type AxeReport, axe } from "./axe.js";
import { browserSuite, runBrowserTests } from "./harness.js";
import { makeKeptRoom, quickPlay } from "./drive.js";

const totals: AxeReport["counts"] = { minor: 0, moderate: 0, serious: 0, critical: 0 };
let pages = 0;

/** axe on the page, its counts added to the file's totals. */
async function check(page: Page, label: string): Promise<string[]> {
  const report = await axe(page, label);
  for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += report.counts[k];
  pages += 1;
  return report.bad;
}

const clock = (sec: number): string => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, "0")}`;
const en = (n: number): string => n.toLocaleString("en");
/** Team value as players see it. */
const shown = (v: number): number => Math.round(v / 1000);

/** What a chart's words must say of a line, worked out here from its points: where it stands now
 *  (live) or ended, and where it peaked (the first highest point, at the second it is drawn at). */
function line(label: string, values: readonly number[], live: boolean, fmt: (v: number) => number = (v) => v): string {
  const last = en(fmt(values.at(-1)!));
  const top = Math.max(...values);
  if (top <= 0) return live ? `${label}: ${last} now.` : `${label}: ${last} at the end.`;
  if (en(fmt(top)) === last) return live ? `${label}: ${last} now, the highest so far.` : `${label}: ${last} at the end, the highest of the round.`;
  const at = clock(values.indexOf(top));
  return live ? `${label}: ${last} now, peak ${en(fmt(top))} at ${at}.` : `${label}: peak ${en(fmt(top))} at ${at}, ${last} at the end.`;
}

/** The first round as stored, from the console's API as its host reads it (once the store has it). */
async function storedTimeline(page: Page, sessionId: string, secret: string): Promise<Timeline> {
  let timeline: Timeline | undefined;
  await expect
    .poll(
      async () => {
        timeline = await page.evaluate(
          async ({ id, key }) => {
            const res = await fetch(`/api/sessions/${id}`, { headers: { authorization: `Bearer ${key}` } });
            return ((await res.json()) as { rounds?: { timeline: Timeline }[] }).rounds?.[0]?.timeline;
          },
          { id: sessionId, key: secret },
        );
        return timeline !== undefined;
      },
      { message: "the round in the store" },
    )
    .toBe(true);
  return timeline!;
}

describe.runIf(runBrowserTests)("accessibility (axe-core)", () => {
  const suite = browserSuite(async (b) => {
    await b.page.addInitScript(() => localStorage.setItem("smolder.tutorialDone", "1"));
  });

  it("title, game with HUD, help, results", async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.url()}/`);
    await page.getByLabel("Your name").waitFor();
    expect(await check(page, "title")).toEqual([]);
    // Idle bots and fast ticks: the untended map ends the round soon.
    await quickPlay(page, suite.url(), "scenario=workshop&countdownSeconds=0&bots=idle&tickMs=25&fresh");
    await page.getByTestId("clock").waitFor();
    expect(await check(page, "game with HUD")).toEqual([]);
    await page.keyboard.press("?");
    await page.locator(".panel.help").waitFor();
    expect(await check(page, "help dialog")).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByTestId("outcome").waitFor({ timeout: 120_000 });
    expect(await check(page, "results")).toEqual([]);
  });

  it("host console, projector and debrief", async () => {
    const host = await suite.open({ width: 1440, height: 1000 });
    const created = await makeKeptRoom(host.page, suite.url(), "room", 4);
    await host.page.goto(`${suite.url()}/host?code=${created.code}`);
    await host.page.getByTestId("host-code").waitFor();
    await host.page.waitForTimeout(500);
    expect(await check(host.page, "host console")).toEqual([]);

    const screen = await host.context.newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.goto(`${suite.url()}/screen/${created.code}`);
    await screen.waitForTimeout(1500);
    expect(await check(screen, "projector")).toEqual([]);

    // A short round of bots, then its debrief.
    await host.page.bringToFront();
    await host.page.locator("#s-duration").fill("30");
    await host.page.getByTestId("host-apply").click();
    await expect.poll(() => host.page.locator("#s-duration").inputValue()).toBe("30");
    await host.page.locator("#countdown").selectOption("0");
    await host.page.getByTestId("host-start").click();
    await expect.poll(() => host.page.locator("table.rounds tbody tr").count(), { timeout: 60_000 }).toBe(1);

    // The live charts in words, against the round the room stored: the team value chart says
    // where the value stands and where it peaked, and praise; the fires chart its fires; the
    // effort chart the split of the whole round.
    const tl = await storedTimeline(host.page, created.sessionId, created.hostSecret);
    const live = host.page.locator(".charts [data-testid=chart-summary]");
    const praise = en(tl.praise.at(-1)!);
    await expect.poll(() => live.nth(1).textContent()).toBe(`${line("Team value", tl.value, true, shown)} Praise: ${praise} now.`);
    expect(await live.nth(0).textContent()).toContain(line("Fires", tl.fires, true));
    const effort = new Array<number>(EFFORTS.length).fill(0);
    for (const seat of tl.effort) seat.forEach((v, k) => (effort[k % EFFORTS.length]! += v));
    const all = effort.reduce((a, b) => a + b, 0);
    const extinguish = Math.round((100 * effort[EFFORTS.indexOf("extinguish")]!) / all);
    const split = /The round so far: (.*)\.$/.exec((await live.nth(2).textContent())!)![1]!;
    if (extinguish > 0) expect(split).toContain(`Extinguish ${extinguish}%`);
    else expect(split).not.toContain("Extinguish");
    // The drawing itself is an image named by its title, described by those words.
    const drawing = host.page.locator(".charts .u-wrap").nth(1);
    expect(await drawing.getAttribute("role")).toBe("img");
    expect(await drawing.getAttribute("aria-label")).toBe("Team value and praise");
    expect(await host.page.locator(`#${await drawing.getAttribute("aria-describedby")}`).textContent()).toBe(await live.nth(1).textContent());

    await host.page.getByTestId("debrief-1").click();
    await expect.poll(() => host.page.getByTestId("workbench").getByTestId("debrief-table").locator("tbody tr").count()).toBeGreaterThan(0);
    expect(await check(host.page, "debrief")).toEqual([]);

    // The debrief's team value chart in words: the same round, finished.
    const said = (await host.page.getByTestId("workbench").locator(".d-charts [data-testid=chart-summary]").nth(1).textContent())!;
    const ended = `${line("Team value", tl.value, false, shown)} Praise: ${praise} at the end.`;
    expect(said.startsWith(ended), `"${said}" starts with "${ended}"`).toBe(true);
    console.log(`live value chart says: ${await live.nth(1).textContent()}\ndebrief value chart says: ${said}`);
  });

  it("workshop dashboard", async () => {
    const host = await suite.open({ width: 1920, height: 1080 });
    const created = await makeKeptRoom(host.page, suite.url(), "workshop", 5);
    await host.page.goto(`${suite.url()}/host?workshop=${created.code}`);
    await expect.poll(() => host.page.getByTestId("ws-code").textContent()).toBe(created.code);
    await host.page.waitForTimeout(500);
    expect(await check(host.page, "workshop dashboard")).toEqual([]);
  });

  afterAll(() => {
    console.log(`axe, all ${pages} pages: critical ${totals.critical}, serious ${totals.serious}, moderate ${totals.moderate}, minor ${totals.minor}`);
  });
});

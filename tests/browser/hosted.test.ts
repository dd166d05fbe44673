// A facilitator's session in real Chromium: the host creates a room from the console, two
// players join (one by typing the code, one by the link), a projector shows the code and the
// map, and the host starts, pauses, resumes and ends a round, then runs a second one.
import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type Browser, browserSuite, looksDrawn, runBrowserTests } from "./harness.js";

const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });

interface HostedSeen {
  stage: string;
  tick: number;
  you?: { name: string };
  hosted: { code: string; round: number; paused: boolean; watching: boolean } | null;
}

async function frame(page: Page): Promise<HostedSeen | null> {
  return page.evaluate(() => (window as unknown as { smolder: { frame(): HostedSeen | null } }).smolder.frame());
}

/** Another tab in the same browser (its own sessionStorage, so its own seat), with errors collected. */
async function newTab(b: Browser, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const page = await b.context.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e.stack ?? e)));
  return { page, errors };
}

async function waitFor(page: Page, test: (s: HostedSeen | null) => boolean, what: string, ms = 15_000): Promise<HostedSeen> {
  const end = Date.now() + ms;
  for (;;) {
    const s = await frame(page);
    if (test(s)) return s!;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(s && { stage: s.stage, hosted: s.hosted })}`);
    await page.waitForTimeout(100);
  }
}

describe.runIf(runBrowserTests)("a hosted session in the browser", () => {
  const suite = browserSuite(async (b) => {
    await b.page.addInitScript(() => localStorage.setItem("smolder.tutorialDone", "1"));
  });
  const open = suite.open;

  it("host console, two players by code and by link, projector, two rounds", async () => {
    // The host creates a room from the title screen's link.
    const host = await open({ width: 1440, height: 1000 });
    await host.page.goto(`${suite.url()}/`);
    await host.page.getByRole("link", { name: /Host a room/ }).click();
    const codeEl = host.page.getByTestId("host-code");
    await codeEl.waitFor();
    const code = (await codeEl.textContent())!.trim();
    expect(code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    expect(host.page.url()).toBe(`${suite.url()}/host?code=${code}`);
    // The secret stays in the host's browser.
    const kept = await host.page.evaluate(() => localStorage.getItem("smolder.host.rooms"));
    expect(kept).toContain(code);

    // Player A types the code (in lower case); player B opens the join link.
    const a = await open();
    await a.page.goto(`${suite.url()}/`);
    await a.page.getByLabel("Your name").fill("Ada");
    await a.page.getByLabel(/Room code/).fill("zzzzzz");
    await a.page.getByRole("button", { name: "Join with code" }).click();
    await expect.poll(() => a.page.getByRole("status").first().textContent()).toMatch(/"Z" is never in a room code/);
    await a.page.getByLabel(/Room code/).fill("777777");
    await a.page.getByRole("button", { name: "Join with code" }).click();
    await expect.poll(() => a.page.getByRole("status").first().textContent()).toMatch(/No room with code "777777"/);
    await a.page.getByLabel(/Room code/).fill(code.toLowerCase());
    await a.page.getByRole("button", { name: "Join with code" }).click();
    await waitFor(a.page, (s) => s?.hosted?.code === code && s.stage === "lobby", "A in the lobby");
    await expect.poll(() => a.page.getByTestId("countdown").textContent()).toBe("Waiting for the host to start");

    // Player B: on a phone.
    const b = await open({ width: 390, height: 844, touch: true });
    await b.page.goto(`${suite.url()}/join/${code}`);
    await b.page.getByLabel("Your name").waitFor({ timeout: 60_000 });
    await b.page.getByLabel("Your name").fill("Ada");
    await b.page.getByRole("button", { name: "Join with code" }).click();
    const bIn = await waitFor(b.page, (s) => s?.hosted?.code === code && s.you !== undefined, "B in the lobby");
    expect(bIn.you!.name).toBe("Ada 2");

    // The projector: a tab the host opens next to the console, shown full-screen at 1920×1080.
    const screen = await newTab(host, { width: 1920, height: 1080 });
    await screen.page.goto(`${suite.url()}/screen/${code}`);
    await expect.poll(() => screen.page.getByTestId("screen-code").textContent(), { timeout: 15_000 }).toBe(code);
    await expect.poll(() => screen.page.locator("[data-testid=screen-qr] svg").count()).toBe(1);
    await screen.page.waitForTimeout(500);
    const lobbyShot = await screen.page.screenshot();
    writeFileSync(`${SHOTS}/hosted-1-projector-lobby.png`, lobbyShot);
    expect(looksDrawn(lobbyShot)).toBe(true);

    // The host sees both players, picks a short workshop round and starts it without pressing
    // Apply: what the form shows is what runs.
    await expect.poll(() => host.page.locator("table.people tbody tr", { hasText: "Ada" }).count()).toBe(2);
    await host.page.locator("#s-scenario").selectOption("workshop");
    await host.page.locator("#s-duration").fill("120");
    await host.page.locator("#s-bots").selectOption("idle");
    await host.page.locator("#countdown").selectOption("3");
    await host.page.getByTestId("host-start").click();
    await waitFor(a.page, (s) => s?.stage === "playing", "round 1 playing");
    // The room runs 120 s of workshop, as the player's own screen shows.
    const running = await a.page.evaluate(() => {
      const f = (window as unknown as { smolder: { frame(): { scenario: string; hosted: { duration: number } } } }).smolder.frame();
      return [f.scenario, f.hosted.duration];
    });
    expect(running).toEqual(["workshop", 120]);
    await waitFor(b.page, (s) => s?.stage === "playing", "round 1 playing for B");

    // Pause: every screen says so and the rules stand still; resume.
    await host.page.getByTestId("host-pause").click();
    const paused = await waitFor(a.page, (s) => s?.hosted?.paused === true, "paused");
    await expect.poll(() => a.page.locator(".paused-note.shown").count()).toBe(1);
    // The note is a strip: most of the map stays in view while the facilitator talks about it.
    const note = (await a.page.locator(".paused-note.shown").boundingBox())!;
    expect(note.width * note.height).toBeLessThan(0.1 * 1280 * 720);
    writeFileSync(`${SHOTS}/hosted-2b-player-paused.png`, await a.page.screenshot());
    // The rules stand still: a patch the room sends well after the pause (the host's message,
    // shown a second later) still carries the tick the pause stopped at. Waiting alone would
    // prove nothing: a page that received no patch at all would pass.
    await host.page.waitForTimeout(1000);
    await host.page.locator("#message").fill("Who has stepped back yet?");
    await host.page.getByRole("button", { name: "Show" }).click();
    await expect.poll(() => a.page.getByTestId("host-message").textContent()).toBe("Who has stepped back yet?");
    expect((await frame(a.page))!.tick).toBe(paused.tick);
    await expect.poll(() => screen.page.getByTestId("screen-message").textContent()).toBe("Who has stepped back yet?");
    await host.page.getByTestId("host-resume").click();
    await waitFor(a.page, (s) => s?.hosted?.paused === false && s.tick > paused.tick + 5, "ticks after resume");
    await host.page.waitForTimeout(1500);
    // One tab at a time is in front (a background tab draws nothing); the projector is, except for the console's screenshots.
    await host.page.bringToFront();
    writeFileSync(`${SHOTS}/hosted-2-host-console-playing.png`, await host.page.screenshot({ fullPage: true }));
    await screen.page.bringToFront();
    await screen.page.waitForTimeout(500);
    const playShot = await screen.page.screenshot();
    writeFileSync(`${SHOTS}/hosted-3-projector-playing.png`, playShot);
    expect(looksDrawn(playShot)).toBe(true);
    // In play the projector trades the join panel for the praise leaderboard, and its clock runs.
    expect(await screen.page.getByTestId("screen-qr").count()).toBe(0);
    await expect.poll(() => screen.page.locator(".s-board li", { hasText: "Ada" }).count()).toBe(2);
    const projectorClock = await screen.page.getByTestId("screen-clock").textContent();
    await expect.poll(() => screen.page.getByTestId("screen-clock").textContent()).not.toBe(projectorClock);

    // End the round: results for the players, the round listed for the host.
    await host.page.getByTestId("host-end").click();
    await expect.poll(() => a.page.getByTestId("waiting-next").count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => host.page.locator("table.rounds tbody tr").first().textContent()).toContain("by you");
    writeFileSync(`${SHOTS}/hosted-4-projector-ended.png`, await screen.page.screenshot());

    // A second round with the same people.
    await host.page.getByTestId("host-nextRound").click();
    await waitFor(a.page, (s) => s?.hosted?.round === 2 && s.stage === "lobby", "round 2 lobby");
    await waitFor(b.page, (s) => s?.hosted?.round === 2 && s.you !== undefined, "B seated in round 2");
    await host.page.locator("#countdown").selectOption("0");
    await host.page.getByTestId("host-start").click();
    await waitFor(a.page, (s) => s?.stage === "playing" && s.hosted?.round === 2, "round 2 playing");
    await host.page.getByTestId("host-end").click();
    await waitFor(b.page, (s) => s?.stage === "ended", "round 2 over");
    await expect.poll(() => host.page.locator("table.rounds tbody tr").count()).toBe(2);
    await host.page.bringToFront();
    writeFileSync(`${SHOTS}/hosted-5-host-console-two-rounds.png`, await host.page.screenshot({ fullPage: true }));

    for (const x of [host, a, b, screen]) expect(x.errors).toEqual([]);
    // The projector still shows the code and the map after two rounds.
    await screen.page.bringToFront();
    await expect.poll(() => screen.page.locator(".s-code-small strong").textContent()).toBe(code);
  }, 240_000);
});

// axe-core (WCAG 2.1 A and AA) on every kind of page: title, a round with its HUD, the results,
// the host console, the projector, the debrief and the workshop dashboard. No serious or
// critical violation may be left; the counts of each are printed.
import { describe, expect, it } from "vitest";
import { axe } from "./axe.js";
import { browserSuite, runBrowserTests } from "./harness.js";
import { quickPlay } from "./drive.js";

describe.runIf(runBrowserTests)("accessibility (axe-core)", () => {
  const suite = browserSuite(async (b) => {
    await b.page.addInitScript(() => localStorage.setItem("smolder.tutorialDone", "1"));
  });

  it("title, game with HUD, help, results", async () => {
    const { page } = await suite.open();
    await page.goto(`${suite.url()}/`);
    await page.getByLabel("Your name").waitFor();
    expect((await axe(page, "title")).bad).toEqual([]);
    // Idle bots and fast ticks: the untended map ends the round soon.
    await quickPlay(page, suite.url(), "scenario=workshop&countdownSeconds=0&bots=idle&tickMs=25&fresh");
    await page.getByTestId("clock").waitFor();
    expect((await axe(page, "game with HUD")).bad).toEqual([]);
    await page.keyboard.press("?");
    await page.locator(".panel.help").waitFor();
    expect((await axe(page, "help dialog")).bad).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByTestId("outcome").waitFor({ timeout: 120_000 });
    expect((await axe(page, "results")).bad).toEqual([]);
  });

  it("host console, projector and debrief", async () => {
    const host = await suite.open({ width: 1440, height: 1000 });
    await host.page.goto(`${suite.url()}/host`);
    const created = await host.page.evaluate(async () => {
      const res = await fetch("/api/rooms", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tickMs: 4 }) });
      const c = (await res.json()) as { code: string; hostSecret: string; sessionId: string };
      localStorage.setItem("smolder.host.rooms", JSON.stringify({ [c.code]: { secret: c.hostSecret, sessionId: c.sessionId, created: Date.now() } }));
      localStorage.setItem("smolder.host.key", c.hostSecret);
      return c;
    });
    await host.page.goto(`${suite.url()}/host?code=${created.code}`);
    await host.page.getByTestId("host-code").waitFor();
    await host.page.waitForTimeout(500);
    expect((await axe(host.page, "host console")).bad).toEqual([]);

    const screen = await host.context.newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.goto(`${suite.url()}/screen/${created.code}`);
    await screen.waitForTimeout(1500);
    expect((await axe(screen, "projector")).bad).toEqual([]);

    // A short round of bots, then its debrief.
    await host.page.bringToFront();
    await host.page.locator("#s-duration").fill("30");
    await host.page.getByTestId("host-apply").click();
    await expect.poll(() => host.page.locator("#s-duration").inputValue()).toBe("30");
    await host.page.locator("#countdown").selectOption("0");
    await host.page.getByTestId("host-start").click();
    await expect.poll(() => host.page.locator("table.rounds tbody tr").count(), { timeout: 60_000 }).toBe(1);
    await host.page.getByTestId("debrief-1").click();
    await expect.poll(() => host.page.getByTestId("workbench").getByTestId("debrief-table").locator("tbody tr").count()).toBeGreaterThan(0);
    expect((await axe(host.page, "debrief")).bad).toEqual([]);
  });

  it("workshop dashboard", async () => {
    const host = await suite.open({ width: 1920, height: 1080 });
    await host.page.goto(`${suite.url()}/host`);
    const created = await host.page.evaluate(async () => {
      const res = await fetch("/api/workshops", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ tickMs: 5 }) });
      const c = (await res.json()) as { code: string; hostSecret: string; sessionId: string };
      localStorage.setItem(
        "smolder.host.rooms",
        JSON.stringify({ [c.code]: { secret: c.hostSecret, sessionId: c.sessionId, created: Date.now(), workshop: true } }),
      );
      localStorage.setItem("smolder.host.key", c.hostSecret);
      return c;
    });
    await host.page.goto(`${suite.url()}/host?workshop=${created.code}`);
    await expect.poll(() => host.page.getByTestId("ws-code").textContent()).toBe(created.code);
    await host.page.waitForTimeout(500);
    expect((await axe(host.page, "workshop dashboard")).bad).toEqual([]);
  });
});

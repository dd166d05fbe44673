// A workshop in real Chromium: the facilitator's console forms teams from everyone who joined
// the workshop code (one of them in a browser, the rest as plain clients), opens the teams'
// rooms, runs a round on every team at once and watches the dashboard, then compares the teams.
import { mkdirSync, writeFileSync } from "node:fs";
import { matchMaker } from "@colyseus/core";
import { Client, type Room } from "colyseus.js";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, looksDrawn, runBrowserTests } from "./harness.js";
import { makeKeptRoom } from "./drive.js";

const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });

interface Seen {
  stage: string;
  people: Map<string, { name: string; team: string }>;
  teams: Map<string, { code: string }>;
}

async function shot(page: Page, name: string): Promise<Buffer> {
  await page.bringToFront();
  await page.waitForTimeout(300);
  const png = await page.screenshot({ fullPage: true });
  writeFileSync(`${SHOTS}/${name}.png`, png);
  return png;
}

describe.runIf(runBrowserTests)("a team workshop in the browser", () => {
  const suite = browserSuite(async (b) => {
    await b.page.addInitScript(() => localStorage.setItem("smolder.tutorialDone", "1"));
  });

  it("forms teams, opens them, runs every team from the dashboard and compares them", async () => {
    // The console on a facilitator's big screen.
    const host = await suite.open({ width: 1920, height: 1080 });
    const created = await makeKeptRoom(host.page, suite.url(), "workshop", 5);
    await host.page.goto(`${suite.url()}/host?workshop=${created.code}`);
    await expect.poll(() => host.page.getByTestId("ws-code").textContent()).toBe(created.code);

    // Eleven people join as plain clients, one in a browser.
    const client = new Client(suite.url().replace("http", "ws"));
    const clients: Room[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await client.joinById(created.code, { name: `Crew ${i + 1}` });
      r.onMessage("*", () => undefined);
      clients.push(r);
    }
    const ada = await suite.open({ width: 1280, height: 800 });
    await ada.page.goto(`${suite.url()}/join/${created.code}`);
    await ada.page.getByLabel("Your name").fill("Ada");
    await ada.page.getByRole("button", { name: "Join with code" }).click();
    await expect.poll(() => ada.page.getByTestId("workshop-code").textContent()).toContain(created.code);

    // Teams of three: four teams, each a column; Ada sees hers.
    await host.page.getByTestId("ws-size").selectOption("3");
    await host.page.getByTestId("ws-form").click();
    await expect.poll(() => host.page.locator(".ws-team").count()).toBe(4);
    await expect.poll(() => ada.page.getByTestId("workshop-team").textContent()).toMatch(/^You are in team /);
    // By hand: one person dragged into another team.
    const teamCols = host.page.locator(".ws-team");
    await teamCols.nth(0).locator(".ws-chip").first().dragTo(teamCols.nth(1));
    await expect.poll(async () => [await teamCols.nth(0).locator(".ws-chip").count(), await teamCols.nth(1).locator(".ws-chip").count()]).toEqual([2, 4]);
    await shot(host.page, "workshop-1-forming");
    await shot(ada.page, "workshop-1b-participant-lobby");

    // Open: Ada's browser moves to her team's room by itself; the plain clients follow their codes.
    await host.page.getByTestId("ws-open").click();
    await expect.poll(() => ada.page.getByTestId("room-code").textContent(), { timeout: 15_000 }).toMatch(/^Team .* · room [A-Z0-9]{6}/);
    const moved: Room[] = [];
    for (const r of clients) {
      const st = r.state as unknown as Seen;
      await expect.poll(() => st.teams.get(st.people.get(r.sessionId)!.team)?.code ?? "").not.toBe("");
      const team = st.teams.get(st.people.get(r.sessionId)!.team)!;
      const t = await client.joinById(team.code, { name: st.people.get(r.sessionId)!.name });
      t.onMessage("*", () => undefined);
      moved.push(t);
      await r.leave(true);
    }
    await expect.poll(() => host.page.getByTestId("ws-card").count()).toBe(4);

    // Every team: the same short round, started together. What the form shows is what runs,
    // though nobody pressed "Apply to every team".
    await host.page.getByTestId("ws-scenario").selectOption("startup");
    await host.page.getByTestId("ws-scenario").selectOption("workshop");
    await host.page.getByTestId("ws-duration").fill("60");
    await host.page.getByTestId("ws-start").click();
    await expect.poll(() => host.page.getByTestId("ws-card").first().textContent(), { timeout: 20_000 }).toMatch(/playing/);
    for (const r of moved) {
      const st = r.state as unknown as { scenario: string; duration: number };
      await expect.poll(() => [st.scenario, st.duration], { message: "each team runs the form's scenario and length" }).toEqual(["workshop", 60]);
    }
    // The screenshot is taken once some team is in trouble (an untended map soon is), to look at how that reads.
    await host.page
      .locator('[data-testid=ws-card][data-severity="trouble"], [data-testid=ws-card][data-severity="collapsed"]')
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    const dash = await shot(host.page, "workshop-2-dashboard");
    expect(looksDrawn(dash)).toBe(true);
    await expect
      .poll(async () => (await host.page.getByTestId("ws-card").allTextContents()).every((t) => /round over|collapsed/.test(t)), { timeout: 60_000 })
      .toBe(true);

    // One seed for every team (the box is ticked by default): the same map and luck for all.
    const seeds = await host.page.evaluate(
      async ([id, secret]) => {
        const res = await fetch(`/api/sessions/${id}`, { headers: { authorization: `Bearer ${secret}` } });
        const full = (await res.json()) as { teams: { rounds: { seed: number }[] }[] };
        return full.teams.flatMap((t) => t.rounds.map((r) => r.seed));
      },
      [created.sessionId, created.hostSecret] as const,
    );
    expect(seeds).toHaveLength(4);
    expect(new Set(seeds).size).toBe(1);

    // Cross-team debrief: every team in the table, the best and worst overlaid, charts drawn.
    await host.page.getByTestId("ct-load").click();
    const cross = host.page.getByTestId("cross-team");
    await expect.poll(() => cross.getByTestId("debrief-compare").first().locator("tbody tr").count()).toBe(4);
    await expect.poll(() => cross.locator(".d-chart canvas").count()).toBeGreaterThan(2);
    await cross.scrollIntoViewIfNeeded();
    const crossShot = await cross.screenshot();
    writeFileSync(`${SHOTS}/workshop-3-cross-team.png`, crossShot);
    expect(looksDrawn(crossShot)).toBe(true);

    // A Wi-Fi blip on one team card: its socket dies; the card says so, comes back by itself,
    // and the "all" buttons reach that team again.
    const teamCodes = [...(clients[0]!.state as unknown as Seen).teams.values()].map((t) => t.code);
    const dropped = matchMaker.getLocalRoomById(teamCodes[0]!)!;
    const dashboardOf = () => dropped.clients.filter((c) => (c.userData as { role?: string } | undefined)?.role === "host");
    expect(dashboardOf()).toHaveLength(1);
    const dropped1 = dashboardOf()[0]!.sessionId;
    (dashboardOf()[0]!.ref as unknown as { terminate(): void }).terminate();
    const card = host.page.locator(`[data-testid=ws-card]:has-text("${teamCodes[0]!}")`);
    // Back by itself: a new dashboard connection in the team room within 10 s (the card says
    // "reconnecting" meanwhile, often for less time than a poll can see).
    await expect
      .poll(() => dashboardOf().map((c) => c.sessionId), { timeout: 10_000, message: "the card back in its team room within 10 s" })
      .toEqual([expect.not.stringMatching(`^${dropped1}$`)]);
    await expect.poll(() => card.textContent()).not.toMatch(/reconnecting/i);
    await host.page.getByTestId("ws-next").click();
    for (const code of teamCodes) {
      const state = matchMaker.getLocalRoomById(code)!.state as unknown as { round: number; stage: string };
      await expect.poll(() => state.round, { message: `team ${code} in round 2 after "Next round, all"` }).toBe(2);
    }

    // Opening a team's own console from its card leaves the dashboard in control.
    const [teamConsole] = await Promise.all([host.context.waitForEvent("page"), card.getByRole("link", { name: `${teamCodes[0]!} ↗` }).click()]);
    await expect.poll(() => teamConsole.getByTestId("host-code").textContent()).toBe(teamCodes[0]!);
    await host.page.bringToFront();
    await expect.poll(() => card.textContent()).not.toMatch(/reconnecting|Connection lost/i);
    await host.page.getByTestId("ws-start").click();
    for (const code of teamCodes) {
      const state = matchMaker.getLocalRoomById(code)!.state as unknown as { stage: string };
      await expect.poll(() => state.stage, { message: `team ${code} started by the dashboard beside its own console` }).not.toBe("lobby");
    }
    await teamConsole.close();

    // Later: the workshop is listed with its teams' rounds and reopens for the cross-team debrief.
    await host.page.goto(`${suite.url()}/host`);
    const row = host.page.getByTestId("past-sessions").locator(`tr[data-session="${created.sessionId}"]`);
    await expect.poll(() => row.locator("td").nth(2).textContent(), { timeout: 10_000 }).toBe("4");
    await row.getByRole("button", { name: "Debrief" }).click();
    await expect
      .poll(() => host.page.getByTestId("cross-team").getByTestId("debrief-compare").first().locator("tbody tr").count(), { timeout: 10_000 })
      .toBe(4);

    for (const r of moved) await r.leave(true).catch(() => undefined);
    expect(host.errors).toEqual([]);
    expect(ada.errors).toEqual([]);
  }, 240_000);
});

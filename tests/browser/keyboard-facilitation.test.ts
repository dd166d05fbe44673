// The facilitator's pages by keyboard alone. After each page is opened, only keys (Tab, Shift+Tab,
// Enter, Space, arrows) drive them; the test reads the page to know where focus is and what
// happened. A host creates a room from /host, starts a round, pauses and resumes it, ends it,
// opens its debrief and works through it; on the workshop console every control is reached,
// people are moved between teams and the teams are started. Every control focus lands on must
// show where the keyboard is (a focus ring), and no action may leave focus nowhere.
import { Client, type Room } from "colyseus.js";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite, runBrowserTests } from "./harness.js";

interface Focused {
  /** Tag, test id or id, and the name a screen reader would give: enough to say which control. */
  what: string;
  tag: string;
  testid: string;
  text: string;
  /** A control (not the page, not a heading that took focus after a page change). */
  control: boolean;
  /** Whether the control shows a focus ring: an outline or a box shadow. */
  ring: boolean;
  /** The mark given by markControls, if any. */
  mark: string;
  /** The team (card or column) it belongs to on the workshop console. */
  team: string;
}

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement | null;
    if (!a || a === document.body) return { what: "body", tag: "body", testid: "", text: "", control: false, ring: false, mark: "", team: "" };
    const cs = getComputedStyle(a);
    const ring = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== "none";
    const name = a.getAttribute("aria-label") ?? (a.textContent ?? "").trim().slice(0, 40);
    const testid = a.dataset.testid ?? "";
    return {
      what: `<${a.tagName.toLowerCase()}${testid ? ` ${testid}` : a.id ? ` #${a.id}` : ""}> ${name}`,
      tag: a.tagName.toLowerCase(),
      testid,
      text: (a.textContent ?? "").trim(),
      control: a.tabIndex >= 0 && a.getAttribute("tabindex") !== "-1",
      ring,
      mark: a.dataset.kbd ?? "",
      team: a.closest("[data-team]")?.getAttribute("data-team") ?? "",
    };
  });
}

/** Walks focus with Tab (or Shift+Tab) until `wanted` says yes; every control passed must show a ring. */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, rings: string[], back = false, max = 120): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    if (f.control && !f.ring) rings.push(f.what);
    if (wanted(f)) return f;
  }
  throw new Error(`${max} presses of ${back ? "Shift+Tab" : "Tab"} never reached ${what}; last: ${(await focused(page)).what}`);
}

const byTestId = (id: string) => (f: Focused) => f.testid === id;
const byText = (text: string) => (f: Focused) => f.text === text;

/** Marks every control a person could use now (shown, enabled, in the tab order) and returns their marks. */
async function markControls(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>("a[href], button, select, input, textarea, [tabindex]")) {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || el.closest("[hidden]") || el.getClientRects().length === 0) continue;
      if (getComputedStyle(el).visibility === "hidden") continue;
      el.dataset.kbd = String(++n);
      out[el.dataset.kbd] = `<${el.tagName.toLowerCase()}> ${el.getAttribute("aria-label") ?? (el.textContent ?? "").trim().slice(0, 40)}`;
    }
    return out;
  });
}

/** Tabs through the whole page once: every control marked must be reached, and show a ring. */
async function reachesEverything(page: Page, view: string): Promise<number> {
  const marks = await markControls(page);
  const seen = new Set<string>();
  const rings: string[] = [];
  const total = Object.keys(marks).length;
  for (let i = 0; i < total + 20 && seen.size < total; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (f.control && !f.ring) rings.push(f.what);
    if (f.mark) seen.add(f.mark);
  }
  const missed = Object.entries(marks)
    .filter(([k]) => !seen.has(k))
    .map(([, v]) => v);
  expect({ view, missed, rings }).toEqual({ view, missed: [], rings: [] });
  return total;
}

describe.runIf(runBrowserTests)("the facilitator's pages by keyboard alone", () => {
  const suite = browserSuite();

  it("host console: create a room, start, pause, resume and end a round, then its debrief", async () => {
    const { page, errors } = await suite.open({ width: 1440, height: 1000 });
    const rings: string[] = [];
    await page.goto(`${suite.url()}/host`);
    await page.getByTestId("past-sessions").waitFor();

    await tabTo(page, byText("Create a room"), "Create a room", rings);
    await page.keyboard.press("Enter");
    await page.getByTestId("host-code").waitFor();
    // The new page starts where its title is, not at the top of the document.
    await expect.poll(async () => (await focused(page)).tag).toBe("h1");

    // No countdown: the arrows pick it in the menu beside Start.
    await tabTo(page, (f) => f.what.startsWith("<select #countdown>"), "the countdown menu", rings);
    for (let i = 0; i < 4 && (await page.locator("#countdown").inputValue()) !== "0"; i++) await page.keyboard.press("ArrowDown");
    expect(await page.locator("#countdown").inputValue()).toBe("0");
    await tabTo(page, byTestId("host-start"), "Start round", rings, true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("host-stage").getAttribute("class"), { timeout: 20_000 }).toContain("playing");

    // Start is disabled by what it did: focus went on to Pause. Space pauses, Enter resumes.
    await expect.poll(async () => (await focused(page)).testid).toBe("host-pause");
    await page.keyboard.press("Space");
    await expect.poll(() => page.getByTestId("host-stage").getAttribute("class")).toContain("paused");
    await expect.poll(async () => (await focused(page)).testid).toBe("host-resume");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("host-stage").getAttribute("class")).not.toContain("paused");
    await expect.poll(async () => (await focused(page)).testid).toBe("host-pause");
    await page.waitForTimeout(2500);
    await tabTo(page, byTestId("host-end"), "End round", rings);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("host-stage").getAttribute("class")).toContain("ended");
    await expect.poll(async () => (await focused(page)).testid).toBe("host-nextRound");

    // The round's debrief: reached from the rounds table, it takes focus to its first control.
    await page.getByTestId("debrief-1").waitFor();
    await page.getByTestId("workbench").waitFor();
    await tabTo(page, byTestId("debrief-1"), "the round's Debrief button", rings);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focused(page)).testid).toBe("wb-round");
    const bench = page.getByTestId("workbench");
    await bench.getByTestId("debrief-table").waitFor();

    // A what-if: preventers from second 0.
    await tabTo(page, byTestId("wb-team"), "the what-if's team", rings);
    await page.keyboard.press("ArrowDown");
    expect(await bench.getByTestId("wb-team").inputValue()).toBe("preventer");
    await tabTo(page, byTestId("wb-run"), "Run what-if", rings);
    await page.keyboard.press("Enter");
    await expect.poll(() => bench.getByTestId("debrief-whatif").textContent()).toMatch(/preventers from the start/);
    // Shown on every screen, then hidden again.
    await tabTo(page, byTestId("wb-show"), "Show on every screen", rings);
    await page.keyboard.press("Enter");
    await expect.poll(() => bench.getByRole("status").nth(1).textContent()).toMatch(/on every screen/);
    await tabTo(page, byTestId("wb-hide"), "Hide from screens", rings);
    await page.keyboard.press("Space");
    await expect.poll(() => bench.getByRole("status").nth(1).textContent()).toBe("Hidden from the screens.");
    // The replay: the slider moves by arrow keys; "what-if from here" takes its second.
    await tabTo(page, byTestId("wb-slider"), "the replay's slider", rings);
    const end = await bench.getByTestId("wb-time").textContent();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowLeft");
    await expect.poll(() => bench.getByTestId("wb-time").textContent()).not.toBe(end);
    const second = await bench.getByTestId("wb-slider").inputValue();
    await tabTo(page, byText("what-if from here"), "what-if from here", rings);
    await page.keyboard.press("Enter");
    expect(await bench.getByTestId("wb-from").inputValue()).toBe(second);
    // A chart's legend hides and shows its line.
    const toggle = await tabTo(page, (f) => f.tag === "th" && f.text === "Fires", "the fires chart's legend", rings);
    expect(toggle.control).toBe(true);
    const legend = bench.locator(".u-legend th[role=button]").first();
    await page.keyboard.press("Enter");
    await expect.poll(() => legend.getAttribute("aria-pressed")).toBe("false");
    await page.keyboard.press("Space");
    await expect.poll(() => legend.getAttribute("aria-pressed")).toBe("true");
    // The table sorts by net, and the button pressed keeps the focus.
    await tabTo(page, (f) => f.tag === "button" && f.text.startsWith("Net"), "the table's Net column", rings);
    await page.keyboard.press("Enter");
    expect((await focused(page)).text).toMatch(/^Net ▼/);
    await expect.poll(() => bench.locator("th.col-net").getAttribute("aria-sort")).toBe("descending");
    // Back up the page again with Shift+Tab, to the round's menu.
    await tabTo(page, byTestId("wb-round"), "the debrief's round menu", rings, true);

    expect(rings, "controls without a visible focus ring").toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);

  it("workshop console: every control is reached, teams formed, moved, opened and started", async () => {
    const { page, errors } = await suite.open({ width: 1440, height: 1000 });
    const rings: string[] = [];
    await page.goto(`${suite.url()}/host`);
    await page.getByTestId("past-sessions").waitFor();
    await tabTo(page, byTestId("create-workshop"), "Host a team workshop", rings);
    await page.keyboard.press("Enter");
    await page.getByTestId("ws-code").waitFor();
    await expect.poll(async () => (await focused(page)).tag).toBe("h1");
    const code = (await page.getByTestId("ws-code").textContent())!.trim();

    // Six people join from their phones (plain clients here).
    const client = new Client(suite.url().replace("http", "ws"));
    const people: Room[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await client.joinById(code, { name: `Crew ${i + 1}` });
      r.onMessage("*", () => undefined);
      people.push(r);
    }
    await expect.poll(() => page.locator(".ws-chip").count()).toBe(6);
    const lobby = await reachesEverything(page, "workshop lobby");

    // Teams of three: six people make two teams.
    await tabTo(page, byTestId("ws-size"), "the team size", rings);
    await page.keyboard.press("ArrowUp");
    expect(await page.getByTestId("ws-size").inputValue()).toBe("3");
    await tabTo(page, byTestId("ws-form"), "Form teams", rings, true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".ws-team[data-team]:not([data-team=''])").count()).toBeGreaterThan(1);
    const forming = await reachesEverything(page, "teams forming");
    // Moving someone with their team menu: the columns are drawn again, focus stays on that person's menu.
    const pick = await tabTo(page, (f) => f.what.includes("Team for Crew 1"), "Crew 1's team menu", rings);
    const menu = page.getByLabel("Team for Crew 1");
    const before = await menu.inputValue();
    const first = await menu.locator("option").first().getAttribute("value");
    await page.keyboard.press(before === first ? "ArrowDown" : "ArrowUp");
    // Moved: the chip is now in the other team's column, and its menu still has the focus.
    await expect
      .poll(() => page.locator(".ws-chip", { hasText: "Crew 1" }).evaluate((el) => el.closest("[data-team]")?.getAttribute("data-team")))
      .not.toBe(before);
    await expect.poll(async () => (await focused(page)).what).toBe(pick.what);
    expect(await menu.inputValue()).not.toBe(before);

    await tabTo(page, byTestId("ws-open"), "Open teams", rings, true);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("ws-card").count(), { timeout: 20_000 }).toBeGreaterThan(1);
    // The controls that opened the teams are gone: focus is on the teams' own section.
    await expect.poll(async () => (await focused(page)).tag).toBe("h2");
    await page.waitForTimeout(1000);
    const running = await reachesEverything(page, "teams open");

    await tabTo(page, byTestId("ws-start"), "Start every team", rings);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("ws-card").first().textContent(), { timeout: 20_000 }).toContain("playing");
    // One team paused from its own card: focus goes on to that card's Resume.
    const card = page.getByTestId("ws-card").first();
    const team = (await card.getAttribute("data-team"))!;
    await tabTo(page, (f) => f.text === "Pause" && f.team === team, "a card's Pause", rings);
    await page.keyboard.press("Enter");
    await expect.poll(() => card.textContent()).toContain("paused");
    await expect.poll(async () => (await focused(page)).text).toBe("Resume");

    console.log(`controls reached by Tab: workshop lobby ${lobby}, forming ${forming}, teams open ${running}`);
    expect(rings, "controls without a visible focus ring").toEqual([]);
    for (const r of people) await r.leave();
    expect(errors).toEqual([]);
  }, 180_000);
});

// The game in German and Spanish: title, practice, the round with its HUD and help, the results,
// on a laptop and a phone; the facilitator's host console, projector and guide; and a room whose host
// fixed its language, shown on a projector whose browser says another. Each view is screenshotted, `<html lang>` must follow the language,
// and the test fails on English left in view: any of the English catalogue's phrases, or an
// English function word, in the visible text, an aria-label, a title or a placeholder.
import { mkdirSync, writeFileSync } from "node:fs";
import { Client, type Room } from "colyseus.js";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { de } from "../../client/i18n/de.js";
import { en } from "../../client/i18n/en.js";
import { es } from "../../client/i18n/es.js";
import { type Browser, browserSuite, runBrowserTests } from "./harness.js";
import { waitUntil } from "./drive.js";

const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });

type Tree = { [k: string]: string | Tree };
const values = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === "string" ? [v] : values(v)));

/** English phrases of four words or more, cut at the parameters and at inline markup (<em>). */
const PHRASES = values(en as Tree)
  .flatMap((v) => v.split(/\{\{[^}]*\}\}|<\/?[a-z]+>/))
  .map((s) => s.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))
  .filter((s) => s.split(/\s+/).length >= 4);
// Words English uses constantly and German and Spanish never do ("has" is Spanish too).
// Whole words only: \b counts an accented letter as a boundary, so Spanish "cuidáis" held an "is".
const FUNCTION_WORDS = /(?<!\p{L})(the|and|your|you|with|this|that|is|are|of|to|from|what|when|for|by)(?!\p{L})/iu;

/** Everything a person (or their screen reader) gets from the page as text. */
async function pageText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = [document.body.innerText];
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]"))
      for (const a of ["aria-label", "title", "placeholder"]) if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
    for (const el of document.querySelectorAll(".sr-only")) out.push(el.textContent ?? "");
    return out;
  });
}

async function noEnglish(page: Page, lang: string, view: string): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  const texts = await pageText(page);
  // The essay's title stays as written; it is marked lang="en".
  const all = texts.join("\n").replace("A Dangerous Addiction", "");
  const phrases = PHRASES.filter((p) => all.includes(p));
  const words = all
    .split("\n")
    .filter((line) => FUNCTION_WORDS.test(line))
    .slice(0, 5);
  expect({ view, phrases, words }).toEqual({ view, phrases: [], words: [] });
}

async function shot(page: Page, name: string): Promise<void> {
  writeFileSync(`${SHOTS}/${name}.png`, await page.screenshot());
}

describe.runIf(runBrowserTests)("the game in other languages", () => {
  const suite = browserSuite();

  for (const [lang, words] of [
    ["de", de],
    ["es", es],
  ] as const) {
    it(`${lang}: title, practice, round, help and results have no English left`, async () => {
      const { page, errors } = await suite.open();
      await page.addInitScript((l) => localStorage.setItem("smolder.language", l), lang);
      await page.goto(`${suite.url()}/?scenario=workshop&countdownSeconds=0&bots=idle&tickMs=25&fresh`);
      await page.getByLabel(words.title.yourName).waitFor();
      await noEnglish(page, lang, "title");
      await shot(page, `${lang}-title`);
      await page.getByRole("button", { name: words.title.quickPlay }).click();
      await page.getByTestId("practice-step").waitFor();
      await noEnglish(page, lang, "practice");
      await shot(page, `${lang}-practice`);
      await page.getByRole("button", { name: words.practice.skip }).click();
      await waitUntil(page, (s) => s?.stage === "playing" && s.you !== undefined, 20_000);
      await page.getByTestId("clock").waitFor();
      await page.keyboard.press("KeyL");
      await page.waitForTimeout(800);
      await noEnglish(page, lang, "round");
      await shot(page, `${lang}-round`);
      await page.keyboard.press("?");
      await page.locator(".panel.help").waitFor();
      await noEnglish(page, lang, "help");
      await shot(page, `${lang}-help`);
      await page.keyboard.press("Escape");
      await page.getByTestId("outcome").waitFor({ timeout: 120_000 });
      await page.waitForTimeout(500);
      await noEnglish(page, lang, "results");
      await shot(page, `${lang}-results`);
      expect(errors).toEqual([]);
    });

    it(`${lang}: on a phone`, async () => {
      const { page } = await suite.open({ width: 390, height: 844, touch: true });
      await page.addInitScript((l) => {
        localStorage.setItem("smolder.language", l);
        localStorage.setItem("smolder.tutorialDone", "1");
      }, lang);
      await page.goto(`${suite.url()}/?scenario=workshop&countdownSeconds=0&bots=idle&fresh`);
      await page.getByLabel(words.title.yourName).waitFor();
      await noEnglish(page, lang, "phone title");
      await shot(page, `${lang}-phone-title`);
      await page.getByRole("button", { name: words.title.quickPlay }).click();
      await waitUntil(page, (s) => s?.stage === "playing" && s.you !== undefined, 20_000);
      await page.getByTestId("clock").waitFor();
      await page.waitForTimeout(800);
      await noEnglish(page, lang, "phone round");
      await shot(page, `${lang}-phone-round`);
    });
  }

  for (const [lang, words] of [
    ["de", de],
    ["es", es],
  ] as const) {
    it(`${lang}: host console and projector have no English left, on a laptop, a projector and a phone`, async () => {
      const host = await suite.open({ width: 1440, height: 1000 });
      await host.page.addInitScript((l) => localStorage.setItem("smolder.language", l), lang);
      await host.page.goto(`${suite.url()}/host`);
      await host.page.getByTestId("past-sessions").waitFor();
      await host.page.waitForTimeout(500);
      await noEnglish(host.page, lang, "host landing");
      await shot(host.page, `${lang}-host-landing`);

      await host.page.goto(`${suite.url()}/host?new=1`);
      await host.page.getByTestId("host-code").waitFor();
      const code = (await host.page.getByTestId("host-code").textContent())!.trim();
      await host.page.getByTestId("join-link").filter({ hasText: "/join/" }).waitFor();
      await noEnglish(host.page, lang, "host console");
      await shot(host.page, `${lang}-host-console`);

      const screen = await tab(host, 1920, 1080);
      await screen.goto(`${suite.url()}/screen/${code}`);
      await expect.poll(() => screen.getByTestId("screen-code").textContent(), { timeout: 15_000 }).toBe(code);
      await expect.poll(() => screen.locator("[data-testid=screen-qr] svg").count()).toBe(1);
      await noEnglish(screen, lang, "projector lobby");
      await shot(screen, `${lang}-projector-lobby`);

      // A round of bots, started with no countdown and ended by the host.
      await host.page.locator("#s-scenario").selectOption("workshop");
      await host.page.locator("#s-bots").selectOption("idle");
      await host.page.locator("#countdown").selectOption("0");
      await host.page.getByTestId("host-start").click();
      await expect.poll(() => stage(screen), { timeout: 15_000 }).toBe("playing");
      await screen.waitForTimeout(2500);
      await noEnglish(screen, lang, "projector round");
      await shot(screen, `${lang}-projector-round`);
      await noEnglish(host.page, lang, "host console in a round");
      // The server names bots and the projector in codes; each screen words them in its language.
      const bot1 = words.common.botName.replace("{{n}}", "1").replace("{{kind}}", words.bots.idle);
      expect(await host.page.locator("table.people tr.bot td").first().textContent()).toBe(bot1);
      expect(await host.page.locator("table.people td").allTextContents()).toContain(words.tables.screen);
      expect(await screen.locator(".s-board .n").allTextContents()).toContain(bot1);
      await shot(host.page, `${lang}-host-console-round`);
      await host.page.getByTestId("host-end").click();
      await expect.poll(() => screen.locator(".s-overlay.shown").count(), { timeout: 15_000 }).toBe(1);
      await screen.waitForTimeout(500);
      await noEnglish(screen, lang, "projector round over");
      await shot(screen, `${lang}-projector-over`);
      await host.page.getByTestId("debrief-1").waitFor();
      await noEnglish(host.page, lang, "host console after a round");
      // The debrief, shown on every screen from the console's workbench.
      await host.page.getByTestId("debrief-1").click();
      await host.page.getByTestId("wb-show").click();
      await screen.getByTestId("debrief").waitFor({ timeout: 15_000 });
      await screen.waitForTimeout(800);
      await noEnglish(screen, lang, "projector debrief");
      await shot(screen, `${lang}-projector-debrief`);

      // The console on a phone, the same host in another tab.
      const phone = await tab(host, 390, 844);
      await phone.goto(`${suite.url()}/host?code=${code}`);
      await phone.getByTestId("host-code").waitFor();
      await phone.waitForTimeout(800);
      await noEnglish(phone, lang, "host console on a phone");
      await shot(phone, `${lang}-host-console-phone`);
      expect(host.errors).toEqual([]);
    });
  }

  for (const [lang, words] of [
    ["de", de],
    ["es", es],
  ] as const) {
    it(`${lang}: workshop console, forming teams and running them, has no English left`, async () => {
      const host = await suite.open({ width: 1440, height: 1000 });
      await host.page.addInitScript((l) => localStorage.setItem("smolder.language", l), lang);
      await host.page.goto(`${suite.url()}/host?new=workshop`);
      await host.page.getByTestId("ws-code").waitFor();
      const code = (await host.page.getByTestId("ws-code").textContent())!.trim();
      // Five people, as plain clients.
      const client = new Client(suite.url().replace("http", "ws"));
      const people: Room[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await client.joinById(code, { name: `Crew ${i + 1}` });
        r.onMessage("*", () => undefined);
        people.push(r);
      }
      await host.page.getByTestId("ws-form").click();
      await expect.poll(() => host.page.locator(".ws-chip").count()).toBe(5);
      await noEnglish(host.page, lang, "workshop forming teams");
      await shot(host.page, `${lang}-workshop-forming`);
      await host.page.getByTestId("ws-open").click();
      await expect.poll(() => host.page.getByTestId("ws-card").count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await host.page.getByTestId("ws-start").click();
      await expect.poll(() => host.page.getByTestId("ws-card").first().textContent(), { timeout: 20_000 }).toContain(words.card.playing);
      await host.page.waitForTimeout(1500);
      await noEnglish(host.page, lang, "workshop running");
      await shot(host.page, `${lang}-workshop-running`);
      for (const r of people) await r.leave();
      expect(host.errors).toEqual([]);
    });
  }

  for (const [lang, words] of [
    ["de", de],
    ["es", es],
  ] as const) {
    it(`${lang}: the facilitator's guide has no English left, on a laptop and a phone`, async () => {
      const { page, errors } = await suite.open({ width: 1280, height: 900 });
      await page.addInitScript((l) => localStorage.setItem("smolder.language", l), lang);
      await page.goto(`${suite.url()}/guide`);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(words.guide.title);
      await noEnglish(page, lang, "guide");
      writeFileSync(`${SHOTS}/${lang}-guide.png`, await page.screenshot({ fullPage: true }));
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth), "nothing wider than a phone").toBeLessThanOrEqual(390);
      await shot(page, `${lang}-guide-phone`);
      expect(errors).toEqual([]);
    });
  }

  it("de: a join by code that the server refuses is told why in German", async () => {
    // A room its host has locked, made and locked as the console does: over the API and the host's socket.
    const res = await fetch(`${suite.url()}/api/rooms`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const created = (await res.json()) as { code: string; hostSecret: string };
    const host = await new Client(suite.url().replace("http", "ws")).joinById(created.code, { hostSecret: created.hostSecret });
    host.onMessage("*", () => undefined);
    host.send("host", { command: "lock" });
    await expect.poll(() => (host.state as { locked?: boolean }).locked).toBe(true);

    const { page, errors } = await suite.open();
    await page.addInitScript(() => {
      localStorage.setItem("smolder.language", "de");
      localStorage.setItem("smolder.tutorialDone", "1");
    });
    await page.goto(suite.url());
    const status = page.getByRole("status").first();
    const tryCode = async (code: string) => {
      await page.locator("#code").fill(code);
      await page.getByRole("button", { name: de.title.joinWithCode }).click();
    };
    await tryCode("777777");
    await expect.poll(() => status.textContent()).toBe("Es gibt keinen Raum mit dem Code „777777“. Prüf den Code und versuch es noch einmal.");
    await noEnglish(page, "de", "title after a wrong code");
    await tryCode(created.code);
    await expect.poll(() => status.textContent()).toBe("Die Spielleitung hat diesen Raum gesperrt.");
    await noEnglish(page, "de", "title after a locked room");
    await shot(page, "de-title-locked-room");
    await host.leave();
    expect(errors).toEqual([]);
  });

  it("a room language set by the host shows on a projector whose browser says another", async () => {
    const host = await suite.open({ width: 1440, height: 1000 });
    await host.page.addInitScript(() => localStorage.setItem("smolder.language", "es"));
    await host.page.goto(`${suite.url()}/host?new=1`);
    await host.page.getByTestId("host-code").waitFor();
    const code = (await host.page.getByTestId("host-code").textContent())!.trim();
    const projector = await suite.open({ width: 1920, height: 1080 });
    const screen = projector.page;
    await screen.addInitScript(() => localStorage.setItem("smolder.language", "es"));
    await screen.goto(`${suite.url()}/screen/${code}`);
    await expect.poll(() => screen.getByTestId("screen-code").textContent(), { timeout: 15_000 }).toBe(code);
    expect(await screen.evaluate(() => document.documentElement.lang)).toBe("es");

    // The host fixes German: the projector and the console both redraw in it.
    await host.page.getByTestId("host-language").selectOption("de");
    await expect.poll(() => screen.evaluate(() => document.documentElement.lang), { timeout: 15_000 }).toBe("de");
    await expect.poll(() => screen.getByTestId("screen-code").textContent(), { timeout: 15_000 }).toBe(code);
    await expect.poll(() => screen.locator(".s-join-title").textContent()).toBe(de.screen.joinOnPhone);
    await noEnglish(screen, "de", "projector in the room's language");
    await shot(screen, "room-language-projector-de");
    await expect.poll(() => host.page.evaluate(() => document.documentElement.lang), { timeout: 15_000 }).toBe("de");
    await host.page.getByTestId("host-code").waitFor();
    await expect.poll(() => host.page.getByTestId("host-language").inputValue(), { timeout: 15_000 }).toBe("de");

    // Back to each browser's own: Spanish again.
    await host.page.getByTestId("host-language").selectOption("");
    await expect.poll(() => screen.evaluate(() => document.documentElement.lang), { timeout: 15_000 }).toBe("es");
    await expect.poll(() => screen.locator(".s-join-title").textContent(), { timeout: 15_000 }).toBe(es.screen.joinOnPhone);
    expect(projector.errors).toEqual([]);
  });
});

/** Another tab of the same browser (the host's key is in its storage). */
async function tab(b: Browser, width: number, height: number): Promise<Page> {
  const page = await b.context.newPage();
  await page.setViewportSize({ width, height });
  page.on("pageerror", (e) => b.errors.push(String(e.stack ?? e)));
  return page;
}

async function stage(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { smolder: { frame(): { stage: string } | null } }).smolder.frame()?.stage);
}

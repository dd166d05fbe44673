// The game in German and Spanish: title, practice, the round with its HUD and help, the results,
// on a laptop and a phone. Each view is screenshotted, `<html lang>` must follow the language,
// and the test fails on English left in view: any of the English catalogue's phrases, or an
// English function word, in the visible text, an aria-label, a title or a placeholder.
import { mkdirSync, writeFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { de } from "../../client/i18n/de.js";
import { en } from "../../client/i18n/en.js";
import { es } from "../../client/i18n/es.js";
import { browserSuite, runBrowserTests } from "./harness.js";
import { waitUntil } from "./drive.js";

const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });

type Tree = { [k: string]: string | Tree };
const values = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === "string" ? [v] : values(v)));

/** English phrases of four words or more, cut at the parameters. */
const PHRASES = values(en as Tree)
  .flatMap((v) => v.split(/\{\{[^}]*\}\}/))
  .map((s) => s.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))
  .filter((s) => s.split(/\s+/).length >= 4);
// Words English uses constantly and German and Spanish never do ("has" is Spanish too).
const FUNCTION_WORDS = /\b(the|and|your|you|with|this|that|is|are|of|to|from|what|when|for|by)\b/i;

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
});

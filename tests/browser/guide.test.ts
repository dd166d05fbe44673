// The facilitator's guide: served at /guide, linked from /host, and printable (a couple of
// clean pages, no navigation, dark theme swapped for ink on paper).
import { mkdirSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { de } from "../../client/i18n/de.js";
import { browserSuite, runBrowserTests } from "./harness.js";

const SHOTS = "test-results/screens";
mkdirSync(SHOTS, { recursive: true });

describe.runIf(runBrowserTests)("the facilitator's guide", () => {
  const suite = browserSuite();

  it("is linked from /host, gives the hour's plan and the debrief questions, and prints cleanly", async () => {
    const b = await suite.open({ width: 1280, height: 900 });
    await b.page.goto(`${suite.url()}/host`);
    await b.page.getByTestId("guide-link").click();
    await b.page.waitForURL(/\/guide$/);
    await expect.poll(() => b.page.getByRole("heading", { level: 1 }).textContent()).toBe("Running a one-hour session");
    const steps = await b.page.locator("table.plan tbody td:nth-child(2)").allTextContents();
    expect(steps).toEqual(["Introduce", "Play round one", "Debrief", "Play round two", "Close"]);
    expect(await b.page.locator(".questions dt").allTextContents()).toContain("The tipping point (the dashed line)");
    writeFileSync(`${SHOTS}/guide-screen.png`, await b.page.screenshot({ fullPage: true }));

    await b.page.emulateMedia({ media: "print" });
    expect(await b.page.locator("nav").isVisible()).toBe(false);
    const bg = await b.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe("rgb(255, 255, 255)");
    writeFileSync(`${SHOTS}/guide-print.png`, await b.page.screenshot({ fullPage: true }));
    const pdf = await b.page.pdf({ format: "A4" });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    expect(b.errors).toEqual([]);
  });

  it("offers the same language switch as the console, and is drawn again in the language picked", async () => {
    const b = await suite.open({ width: 1280, height: 900 });
    await b.page.goto(`${suite.url()}/guide`);
    await expect.poll(() => b.page.getByRole("heading", { level: 1 }).textContent()).toBe("Running a one-hour session");
    expect(await b.page.evaluate(() => document.documentElement.lang)).toBe("en");
    await b.page.getByTestId("language").selectOption("de");
    await expect.poll(() => b.page.getByRole("heading", { level: 1 }).textContent()).toBe(de.guide.title);
    expect(await b.page.evaluate(() => document.documentElement.lang)).toBe("de");
    expect(await b.page.title()).toBe(de.guide.pageTitle);
    // The console's buttons are named as the German console names them.
    expect(await b.page.locator("table.plan").textContent()).toContain(de.controls.nextRound);
    expect(await b.page.locator("table.plan tbody td:nth-child(2)").allTextContents()).toEqual(
      (["introduce", "roundOne", "debrief", "roundTwo", "close"] as const).map((s) => de.guide.hour[s].step),
    );
    expect(b.errors).toEqual([]);
  });
});

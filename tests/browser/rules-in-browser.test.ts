// The rules are bit-exact across engines: the same bot game in Chromium and in Node
// ends with the same state hash.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCENARIOS, stateHash } from "../../shared/index.js";
import { playBots } from "../../shared/bots/match.js";
import { type Browser, openBrowser, runBrowserTests, startServer, type TestServer } from "./harness.js";

describe.runIf(runBrowserTests)("rules in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startServer();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [scenario, seed] of [
    ["startup", 5],
    ["workshop", 12],
  ] as const) {
    it(`${scenario} seed ${seed}: Chromium and Node agree on the final hash`, async () => {
      const team = ["hero", "balanced", "preventer", "hero"] as const;
      const node = playBots(SCENARIOS[scenario]!, seed, team).state;
      await browser.page.goto(`${server.url}/selftest.html?scenario=${scenario}&seed=${seed}&team=${team.join(",")}`);
      await browser.page.locator("#result[data-done]").waitFor({ timeout: 60_000 });
      const text = await browser.page.locator("#result").textContent();
      expect(text).toBe(`${stateHash(node)} ${node.tick}`);
      expect(browser.errors).toEqual([]);
    });
  }
});

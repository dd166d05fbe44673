// npm run bench:client [-- --json]
// Loads the built game in headless Chromium (Debian's, software WebGL) and prints:
// - firstPlayableMs: navigation → the title's form is usable (Quick play is there and the page has
//   painted twice); the form is HTML and needs no game engine (client/main.ts)
// - mapDrawnMs: navigation → the game engine has loaded and drawn the title's map behind it
// - jsGzipBytes: the JavaScript the page loaded, gzip-compressed
// - frameP50Ms / frameP95Ms: frame intervals at 1280×720 at the peak of a `classic` round with
//   8 players (you + 7 bots), in the last phase with a third of the map on fire, drawn by the
//   renderer the game picks for this machine (`renderer`); where that is not WebGL, the same
//   peak drawn by WebGL in the same run (webglFrameP50Ms / webglFrameP95Ms) for comparison.
// In the same run, the title screen's frame times give the renderer's floor for comparison.
import "../server/env.js";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { listen } from "@colyseus/tools";
import { chromium } from "playwright-core";
import { createAppConfig } from "../server/app.config.js";
import { MemorySessionStore } from "../server/storage/memory.js";
import { CHROMIUM, CHROMIUM_FLAGS } from "./chromium.js";

const { values: args } = parseArgs({ options: { json: { type: "boolean", default: false }, seconds: { type: "string", default: "8" } } });
const log = (...m: unknown[]) => {
  if (!args.json) console.log(...m);
};

execFileSync("npx", ["vite", "build", "--logLevel", "error"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
// Served as `npm start` serves it: with the precompressed copies beside each file.
execFileSync("npx", ["tsx", "tools/precompress.ts"], { stdio: "ignore" });
const port = 24000 + Math.floor(Math.random() * 1000);
const server = await listen(createAppConfig({ trustRoomSettings: true, displayLogs: false, store: new MemorySessionStore() }), port);
const url = `http://127.0.0.1:${port}`;
const context = await chromium.launchPersistentContext(`/tmp/smolder-bench-${process.pid}`, {
  executablePath: CHROMIUM,
  headless: true,
  args: [...CHROMIUM_FLAGS],
  viewport: { width: 1280, height: 720 },
});
let page = context.pages()[0] ?? (await context.newPage());
await page.addInitScript(() => localStorage.setItem("smolder.tutorialDone", "1"));

/** What the title and one round load; the WebGL comparison's second load is not counted. */
let jsGzipBytes = 0;
let countingJs = true;
page.on("response", async (res) => {
  if (!countingJs || !res.url().endsWith(".js")) return;
  const body = await res.body().catch(() => null);
  if (body) jsGzipBytes += gzipSync(body, { level: 9 }).length;
});

/** rAF intervals over `ms` milliseconds, measured inside the page. A string, so the
 *  TypeScript runner's helpers (which the page does not have) stay out of it. */
async function frameTimes(ms: number): Promise<{ p50: number; p95: number; frames: number }> {
  return page.evaluate(`new Promise((resolve) => {
    const gaps = [];
    let last = performance.now();
    const end = last + ${ms};
    function tick(now) {
      gaps.push(now - last);
      last = now;
      if (now < end) return requestAnimationFrame(tick);
      gaps.sort((a, b) => a - b);
      const at = (p) => gaps[Math.min(gaps.length - 1, Math.floor(p * gaps.length))];
      resolve({ p50: at(0.5), p95: at(0.95), frames: gaps.length });
    }
    requestAnimationFrame(tick);
  })`);
}

const t0 = Date.now();
// The peak: the round starts in the last, 32×32 phase and nobody but you tends it, so fires
// spread until a third of the map burns; frames are measured there, at real speed.
const room = process.env.SMOLDER_BENCH_ROOM ?? "scenario=classic&startPhase=2&countdownSeconds=0&seats=8&bots=idle";
const peakFires = Number(process.env.SMOLDER_BENCH_FIRES ?? 300);
await page.goto(`${url}/?${room}`);
await page.getByRole("button", { name: "Quick play" }).waitFor();
await page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))");
const firstPlayableMs = Date.now() - t0;
await page.waitForFunction("window.smolder.scenes().includes('title')");
await page.evaluate("new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))");
const mapDrawnMs = Date.now() - t0;
const title = await frameTimes(3000);

type Seen = { tick: number; players: unknown[]; heat: number[]; stage: string } | null;
const seen = () => page.evaluate("window.smolder.frame()") as Promise<Seen>;
const burning = (s: Seen) => (s ? s.heat.filter((h) => h > 0).length : 0);

/** Plays the current page's title into a round, waits for its peak and measures frames there at
 *  full resolution (issue 18 asks for them there), then what the dynamic resolution settles on. */
async function atThePeak() {
  await page.getByRole("button", { name: "Quick play" }).click();
  for (const end = Date.now() + 240_000; Date.now() < end;) {
    const s = await seen();
    if (s && (burning(s) >= peakFires || s.stage === "ended")) break;
    await page.waitForTimeout(250);
  }
  if (process.env.SMOLDER_BENCH_EVAL) console.log("eval:", await page.evaluate(process.env.SMOLDER_BENCH_EVAL));
  await page.evaluate("window.smolder.fixRenderScale(1)");
  await page.waitForTimeout(500);
  const before = await seen();
  const resolution = (await page.evaluate("window.smolder.renderScale()")) as number;
  const peak = await frameTimes(Number(args.seconds) * 1000);
  const after = await seen();
  await page.evaluate("window.smolder.fixRenderScale(null)");
  await page.waitForTimeout(3000);
  const dynamic = await frameTimes(3000);
  const dynamicScale = (await page.evaluate("window.smolder.renderScale()")) as number;
  const renderer = (await page.evaluate("window.smolder.renderer()")) as string;
  return { renderer, resolution, peak, dynamic, dynamicScale, before, after, fires: Math.max(burning(before), burning(after)) };
}

const chosen = await atThePeak();
countingJs = false;
// The comparison in the same run: the same peak drawn by Phaser's WebGL renderer, which on this
// machine is emulated in software (the game picks the 2D canvas here, render/renderer-choice.ts).
let webgl: Awaited<ReturnType<typeof atThePeak>> | null = null;
if (chosen.renderer !== "webgl") {
  // A new tab: the old one would rejoin its round on a reload.
  await page.close();
  page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem("smolder.tutorialDone", "1"));
  await page.goto(`${url}/?${room}&renderer=webgl`);
  await page.waitForFunction("window.smolder.scenes().includes('title')");
  webgl = await atThePeak();
}
const ms = (v: number) => Math.round(v * 10) / 10;

const result = {
  firstPlayableMs,
  mapDrawnMs,
  jsGzipBytes,
  frameP50Ms: ms(chosen.peak.p50),
  frameP95Ms: ms(chosen.peak.p95),
  resolution: chosen.resolution,
  renderer: chosen.renderer,
  webglFrameP50Ms: webgl ? ms(webgl.peak.p50) : null,
  webglFrameP95Ms: webgl ? ms(webgl.peak.p95) : null,
  titleP50Ms: ms(title.p50),
  fires: chosen.fires,
};
if (args.json) console.log(JSON.stringify(result));
else {
  const { before, after } = chosen;
  log(`first playable:       ${firstPlayableMs} ms to a usable title form (target ≤ 1200); its map drawn at ${mapDrawnMs} ms`);
  log(`JavaScript (gzip):    ${(jsGzipBytes / 1024).toFixed(0)} KB loaded by the title and the round (target ≤ 420 KB)`);
  log(`peak classic round:   ${after?.players.length ?? 0} players, tick ${before?.tick}→${after?.tick}, up to ${chosen.fires} fires, stage ${after?.stage}`);
  log(
    `frame time:           p50 ${result.frameP50Ms} ms, p95 ${result.frameP95Ms} ms over ${chosen.peak.frames} frames at render scale ${chosen.resolution}, drawn by ${chosen.renderer} (target p50 ≤ 16.7, p95 ≤ 20)`,
  );
  log(`same run, dynamic:    settles at render scale ${chosen.dynamicScale}: p50 ${ms(chosen.dynamic.p50)} ms, p95 ${ms(chosen.dynamic.p95)} ms`);
  if (webgl)
    log(
      `same run, WebGL:      p50 ${ms(webgl.peak.p50)} ms, p95 ${ms(webgl.peak.p95)} ms at render scale ${webgl.resolution} (${webgl.fires} fires); dynamic settles at ${webgl.dynamicScale}: p50 ${ms(webgl.dynamic.p50)} ms, p95 ${ms(webgl.dynamic.p95)} ms`,
    );
  log(`same run, title only: p50 ${ms(title.p50)} ms, p95 ${ms(title.p95)} ms`);
}
await context.close();
await server.gracefullyShutdown(false).catch(() => undefined);
process.exit(0);

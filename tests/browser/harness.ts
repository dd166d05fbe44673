// Browser tests: a real game server on a free loopback port, serving the built client,
// and Debian's Chromium driven by playwright-core (it never downloads a browser).
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listen } from "@colyseus/tools";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createAppConfig } from "../../server/app.config.js";
import { openStore } from "../../server/storage/open.js";
import { CHROMIUM, CHROMIUM_FLAGS as FLAGS } from "../../tools/chromium.js";

export { CHROMIUM };
export const chromiumAvailable = existsSync(CHROMIUM);

/** In CI the browser tests are mandatory: a missing Chromium fails them instead of skipping. */
export const runBrowserTests = chromiumAvailable || process.env.CI === "true";

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Starts the game server in this process; room settings from the page are trusted (tests only).
 *  Its rounds go to a SQLite file in a temp folder: the real store, never the repository's data/. */
export async function startServer(): Promise<TestServer> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const dataDir = mkdtempSync(join(tmpdir(), "smolder-data-"));
  const store = await openStore(dataDir);
  const server = await listen(createAppConfig({ trustRoomSettings: true, displayLogs: false, store }), port);
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.gracefullyShutdown(false).catch(() => undefined);
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

/** A fresh browser profile (its own storage), with console errors collected. */
export async function openBrowser(opts: { width?: number; height?: number; touch?: boolean } = {}): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), "smolder-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS],
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 720 },
    hasTouch: opts.touch ?? false,
    isMobile: opts.touch ?? false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e.stack ?? e)));
  return { context, page, errors, close: () => context.close() };
}

/**
 * Whether a screenshot shows a drawn game rather than a blank or single-colour page: many
 * distinct colours, and no one colour covering nearly everything.
 */
export function looksDrawn(png: Buffer): boolean {
  const img = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < img.data.length; i += 4 * 7) {
    const rgb = (img.data[i]! << 16) | (img.data[i + 1]! << 8) | img.data[i + 2]!;
    counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
  }
  const samples = img.data.length / (4 * 7);
  const top = Math.max(...counts.values());
  return counts.size > 50 && top / samples < 0.9;
}

/**
 * Whether a screenshot of a chart has something drawn on it: lines and labels in several colours
 * covering at least `minShare` of it. A chart is mostly background, so looksDrawn's
 * no-colour-covers-90% test does not apply to it.
 */
export function hasMarks(png: Buffer, minShare = 0.01): boolean {
  const img = PNG.sync.read(png);
  const counts = new Map<number, number>();
  for (let i = 0; i < img.data.length; i += 4) {
    const rgb = (img.data[i]! << 16) | (img.data[i + 1]! << 8) | img.data[i + 2]!;
    counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
  }
  const pixels = img.data.length / 4;
  const background = Math.max(...counts.values());
  return counts.size >= 20 && (pixels - background) / pixels >= minShare;
}

/**
 * A test server started and closed with the suite, and the browsers each test opens, closed when
 * that test ends: every Chromium draws in software, so one left open from an earlier test
 * takes CPU from the next. Call it inside `describe`; `prepare` runs on every browser opened
 * (e.g. to skip the tutorial).
 */
export function browserSuite(prepare?: (b: Browser) => Promise<void>): {
  url: () => string;
  open: (opts?: Parameters<typeof openBrowser>[0]) => Promise<Browser>;
} {
  let server: TestServer | undefined;
  const browsers: Browser[] = [];
  beforeAll(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    for (const b of browsers.splice(0)) await b.close().catch(() => undefined);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    url: () => server!.url,
    open: async (opts) => {
      const b = await openBrowser(opts);
      browsers.push(b);
      await prepare?.(b);
      return b;
    },
  };
}

// Drives the game in a page the way a person would: reads what is on screen (the synced
// frame), then presses keys. No intent is sent behind the UI's back.
import type { Page } from "playwright-core";

export interface SeenPlayer {
  key: string;
  seat: number;
  name: string;
  x: number;
  y: number;
  praise: number;
  energy: number;
  action: number;
  /** The bot's kind, or "" for a person. */
  bot: string;
}

export interface Seen {
  stage: string;
  width: number;
  ax: number;
  side: number;
  heat: number[];
  guard: number[];
  risk: number[] | null;
  you?: SeenPlayer;
  players: SeenPlayer[];
}

export async function seen(page: Page): Promise<Seen | null> {
  return page.evaluate(() => (window as unknown as { smolder: { frame(): Seen | null } }).smolder.frame());
}

/** Opens the game with room settings in the URL and presses Quick play (the practice before a
 *  first round marked done, so it goes straight to the round). */
export async function quickPlay(page: Page, baseUrl: string, query: string): Promise<void> {
  await page.addInitScript(() => localStorage.setItem("smolder.tutorialDone", "1"));
  await page.goto(`${baseUrl}/?${query}`);
  await page.getByLabel("Your name").waitFor();
  await page.getByRole("button", { name: "Quick play" }).click();
  await waitUntil(page, (s) => s?.stage === "playing" && s.you !== undefined, 20_000);
  // The room may be playing before the game scene (and its keyboard controls) exists: a key
  // pressed in between would be lost, so wait for the scene a person would see.
  const end = Date.now() + 20_000;
  while (!(await page.evaluate(() => (window as unknown as { smolder: { scenes(): string[] } }).smolder.scenes())).includes("game")) {
    if (Date.now() > end) throw new Error("timed out waiting for the game scene after Quick play");
    await page.waitForTimeout(100);
  }
}

export async function waitUntil(page: Page, test: (s: Seen | null) => boolean, ms = 15_000): Promise<Seen> {
  const end = Date.now() + ms;
  for (;;) {
    const s = await seen(page);
    if (test(s)) return s!;
    if (Date.now() > end) throw new Error(`timed out; last seen: ${JSON.stringify(s && { stage: s.stage, you: s.you })}`);
    await page.waitForTimeout(100);
  }
}

const SUB = 256;
const tileOf = (p: SeenPlayer) => ({ x: Math.floor(p.x / SUB), y: Math.floor(p.y / SUB) });

/** Walks with the arrow keys until the avatar stands within one tile of (tx, ty). */
export async function walkTo(page: Page, tx: number, ty: number, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  const held = new Set<string>();
  const hold = async (keys: string[]) => {
    for (const k of [...held])
      if (!keys.includes(k)) {
        await page.keyboard.up(k);
        held.delete(k);
      }
    for (const k of keys)
      if (!held.has(k)) {
        await page.keyboard.down(k);
        held.add(k);
      }
  };
  try {
    while (Date.now() < end) {
      const s = await seen(page);
      if (!s?.you) throw new Error("not in a game");
      const at = tileOf(s.you);
      const dx = tx - at.x;
      const dy = ty - at.y;
      if (Math.abs(dx) <= 1 && Math.abs(dy) <= 1) return;
      const keys: string[] = [];
      if (Math.abs(dx) > 1) keys.push(dx > 0 ? "ArrowRight" : "ArrowLeft");
      if (Math.abs(dy) > 1) keys.push(dy > 0 ? "ArrowDown" : "ArrowUp");
      await hold(keys);
      await page.waitForTimeout(60);
    }
    throw new Error(`could not reach ${tx},${ty}`);
  } finally {
    await hold([]);
  }
}

/** Finds a fire, walks next to it and presses Space until the praise goes up. */
export async function putOutAFire(page: Page, ms = 40_000): Promise<number> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const s = await seen(page);
    if (!s?.you) throw new Error("not in a game");
    const before = s.you.praise;
    const at = tileOf(s.you);
    const fires = s.heat.map((h, i) => (h > 0 ? i : -1)).filter((i) => i >= 0);
    if (fires.length === 0) {
      await page.waitForTimeout(300);
      continue;
    }
    const dist = (i: number) => Math.max(Math.abs((i % s.width) - at.x), Math.abs(Math.floor(i / s.width) - at.y));
    const target = fires.sort((a, b) => dist(a) - dist(b))[0]!;
    await walkTo(page, target % s.width, Math.floor(target / s.width)).catch(() => undefined);
    await page.keyboard.press("Space");
    const after = await waitUntil(page, (x) => (x?.you?.praise ?? 0) > before || (x?.you?.action ?? 0) === 0, 3000).catch(() => null);
    await page.waitForTimeout(1200);
    const now = await seen(page);
    if ((now?.you?.praise ?? 0) > before) return now!.you!.praise;
    void after;
  }
  throw new Error("no fire was put out");
}

export interface MadeRoom {
  code: string;
  hostSecret: string;
  sessionId: string;
}

/** Makes a hosted room (or a workshop) through the API from the host page, fast ticks on a
 *  trusted test server, and keeps it in this browser as the console keeps the rooms it made. */
export async function makeKeptRoom(page: Page, baseUrl: string, kind: "room" | "workshop", tickMs: number): Promise<MadeRoom> {
  await page.goto(`${baseUrl}/host`);
  return page.evaluate(
    async ({ kind, tickMs }) => {
      const res = await fetch(kind === "workshop" ? "/api/workshops" : "/api/rooms", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ tickMs }),
      });
      const c = (await res.json()) as { code: string; hostSecret: string; sessionId: string };
      const kept = { secret: c.hostSecret, sessionId: c.sessionId, created: Date.now(), ...(kind === "workshop" && { workshop: true }) };
      localStorage.setItem("smolder.host.rooms", JSON.stringify({ [c.code]: kept }));
      localStorage.setItem("smolder.host.key", c.hostSecret);
      return c;
    },
    { kind, tickMs },
  );
}

// What the server does when it cannot store: a finished round is retried with backoff until the
// store takes it, and the host console says so meanwhile (it used to be lost with a log line);
// POST /api/rooms stores the session before it makes the room (a 500 used to leave a room
// behind); and a DATA_DIR that cannot be written stops the start with a message saying why.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matchMaker } from "@colyseus/core";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { log } from "../../server/log.js";
import { freePort, startGameServer } from "../../tools/cluster.js";
import { FlakyStore } from "./flaky-store.js";
import { until } from "./helpers.js";
import { command, createHosted, joinHost, startHostedServer } from "./hosted-helpers.js";

const store = new FlakyStore();
let server: ColyseusTestServer;
let port: number;
beforeAll(async () => {
  // The failures are logged as errors on purpose; the test's output stays quiet.
  log.level = "silent";
  port = await freePort();
  server = await startHostedServer(port, { store });
});
afterAll(async () => {
  await server?.shutdown();
});

describe("a store that fails", () => {
  it("a round it refuses is retried until stored, and the host console is told meanwhile", async () => {
    const created = await createHosted(port, { tickMs: 20 });
    const host = await joinHost(server, created);
    await command(host, { command: "start", countdownSeconds: 0 });
    await until(() => host.state.stage === "playing", "playing");
    store.failNext.saveRound = 2;
    const shown: string[] = [];
    host.onStateChange((s) => {
      if (s.unsaved !== shown.at(-1)) shown.push(s.unsaved);
    });
    await command(host, { command: "end" });
    // The console is told which rounds wait ("1"), and says it in its own language.
    await until(() => shown.includes("1"), "the console told");
    await until(() => host.state.unsaved === "", "the round stored after the retries", 10_000);
    expect(store.calls.saveRound).toBe(3);
    const rounds = await store.listRounds(created.sessionId);
    expect(rounds.map((r) => r.round)).toEqual([1]);
    await host.leave();
  });

  it("POST /api/rooms answers 500 without leaving a room behind when the session cannot be stored", async () => {
    const before = (await matchMaker.query({ name: "hosted" })).length;
    store.failNext.saveSession = 1;
    const res = await fetch(`http://127.0.0.1:${port}/api/rooms`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(500);
    expect((await matchMaker.query({ name: "hosted" })).length).toBe(before);
    // The store recovered: the next one works.
    await createHosted(port);
    expect((await matchMaker.query({ name: "hosted" })).length).toBe(before + 1);
  });
});

describe("a DATA_DIR that cannot be written", () => {
  it("stops the start with a message naming the folder and the fix", async () => {
    const dir = mkdtempSync(join(tmpdir(), "smolder-datadir-"));
    const notAFolder = join(dir, "a-file");
    writeFileSync(notAFolder, "");
    try {
      await expect(startGameServer({ port: await freePort(), dataDir: notAFolder })).rejects.toThrow(
        new RegExp(`DATA_DIR=${notAFolder} cannot be used as a folder .*choose a writable folder`),
      );
      // Not writable even for root: the kernel's own folder.
      await expect(startGameServer({ port: await freePort(), dataDir: "/sys/kernel/smolder" })).rejects.toThrow(
        /DATA_DIR=\/sys\/kernel\/smolder is read-only: choose a writable folder/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

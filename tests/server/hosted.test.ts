// Facilitator-hosted rooms: creation through POST /api/rooms, joining by code, the host's
// commands and rounds, and replays of hosted rounds (pause and next phase included).
import type { ColyseusTestServer } from "@colyseus/testing";
import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODES_KEY } from "../../server/hosting/registry.js";
import { replayRound } from "../../server/hosting/rounds.js";
import { botName, MAX_HOSTED_PLAYERS, REFUSALS, ROOM_CODE_ALPHABET } from "../../shared/protocol/index.js";
import type { SmolderState } from "../../server/schema/SmolderState.js";
import { type LogEntry, replay, stateHash } from "../../shared/index.js";
import { refused, sleep, until } from "./helpers.js";
import { command, createHosted, errorsOf, hostedRoom, joinHost, joinPlayer, startHostedServer } from "./hosted-helpers.js";
import { freePort } from "../../tools/cluster.js";
import { localNetworkAddress } from "../../server/hosting/origin.js";

let PORT = 0;
let server: ColyseusTestServer;
beforeAll(async () => {
  PORT = await freePort();
  // Many rooms from one address in this file; the limits have their own tests.
  server = await startHostedServer(PORT, { limits: { createBurst: 1000 } });
});
afterAll(async () => {
  await server.shutdown();
});

describe("creating and joining hosted rooms", () => {
  it("POST /api/rooms answers a code, a join link, a QR code, a host secret and a session id", async () => {
    const created = await createHosted(PORT);
    expect(created.code).toMatch(new RegExp(`^[${ROOM_CODE_ALPHABET}]{6}$`));
    expect(ROOM_CODE_ALPHABET).not.toMatch(/[0O1IL]/);
    // Asked through a loopback address, the link names this machine's local-network address when it has one.
    const lan = localNetworkAddress();
    expect(created.joinUrl).toBe(`http://${lan?.address ?? "127.0.0.1"}:${PORT}/join/${created.code}`);
    expect(created.qrSvg).toMatch(/^<svg[^>]*viewBox/);
    expect(created.hostSecret.length).toBeGreaterThanOrEqual(32);
    expect(created.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    // The room id is the code, registered in presence; the room is private.
    const room = hostedRoom(server, created.code);
    expect(room.roomId).toBe(created.code);
    expect(await matchMaker.presence.sismember(CODES_KEY, created.code)).toBeTruthy();
    const listed = await matchMaker.query({ private: false });
    expect(listed.map((r) => r.roomId)).not.toContain(created.code);
    expect((await matchMaker.query({ roomId: created.code }))[0]?.private).toBe(true);
    // GET is not how rooms are made.
    expect((await fetch(`http://127.0.0.1:${PORT}/api/rooms`)).status).toBe(405);
  });

  it("a stranger cannot create a hosted room through the matchmaker", async () => {
    expect((await refused(server.sdk.create("hosted", { ticket: "made-up" }))).code).toBe(REFUSALS.badRequest);
  });

  it("quick play never lands in a private room", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) codes.push((await createHosted(PORT)).code);
    for (let i = 0; i < 3; i++) {
      const c = await server.sdk.joinOrCreate<SmolderState>("smolder", { name: `Quick ${i}`, countdownSeconds: 60 });
      expect(codes).not.toContain(c.roomId);
      await c.leave();
    }
  });

  it("joins by code in any case, says so plainly for a wrong code, and suffixes duplicate names", async () => {
    const created = await createHosted(PORT);
    const a = await joinPlayer(server, created.code, "Ann");
    const b = await joinPlayer(server, created.code.toLowerCase(), "Ann");
    const c = await joinPlayer(server, created.code, "ann");
    expect(b.roomId).toBe(created.code);
    await until(() => a.state.players.size === 3, "three players");
    expect([...a.state.players.values()].map((p) => p.name).sort()).toEqual(["Ann", "Ann 2", "ann 3"]);
    expect(await refused(server.sdk.joinById("XXXXXX", { name: "Lost" }))).toEqual({
      code: REFUSALS.noRoom,
      params: { room: "XXXXXX" },
      text: 'No room with code "XXXXXX". Check the code and try again.',
    });
    for (const x of [a, b, c]) await x.leave();
  });

  it(`seats ${MAX_HOSTED_PLAYERS} players; more people watch as spectators`, async () => {
    const created = await createHosted(PORT);
    const people = [];
    for (let i = 0; i < MAX_HOSTED_PLAYERS + 2; i++) people.push(await joinPlayer(server, created.code, `P${i}`));
    const last = people.at(-1)!;
    await until(() => last.state.players.size === MAX_HOSTED_PLAYERS && last.state.watchers.size === 2, "16 seats and 2 spectators");
    expect(last.state.watchers.get(last.sessionId)?.role).toBe("spectator");
    // A spectator's intent gets a clear refusal.
    const errors = errorsOf(last);
    last.send("intent", { kind: "stepBack" });
    await until(() => errors.length > 0, "an error");
    expect(errors[0]!.code).toBe("spectating");
    // When a seated player leaves before the start, a spectator takes the seat.
    await people[0]!.leave();
    await until(() => last.state.watchers.size === 1 && last.state.players.size === MAX_HOSTED_PLAYERS, "a spectator seated");
    for (const p of people.slice(1)) await p.leave();
  }, 30_000);
});

describe("host commands", () => {
  it("settings, start with countdown, pause, resume, next phase, end, next round: several rounds, each kept", async () => {
    const created = await createHosted(PORT);
    const host = await joinHost(server, created);
    const errors = errorsOf(host);
    const a = await joinPlayer(server, created.code, "Ann");
    const b = await joinPlayer(server, created.code, "Bo");
    const room = hostedRoom(server, created.code);
    expect(host.state.stage).toBe("lobby");
    expect(host.state.hostOnline).toBe(true);

    // Settings: scenario and its parameters; a bad one is refused by name and changes nothing.
    await command(
      host,
      {
        command: "settings",
        scenario: "classic",
        durationSeconds: 60,
        exponentHalves: 4,
        spreadPct: 150,
        startPhase: 1,
        seats: 5,
        bots: ["hero", "idle"],
        seed: 77,
        board: "value",
      },
      errors,
    );
    expect(errors).toEqual([]);
    expect(room.roundScenario.durationSeconds).toBe(60);
    expect(room.roundScenario.ignition.exponentHalves).toBe(4);
    expect(room.roundSeed).toBe(77);
    await until(() => host.state.duration === 60 && host.state.startPhase === 1 && host.state.board === "value", "settings synced");
    await command(host, { command: "settings", startPhase: 7 }, errors);
    expect(errors.pop()?.code).toBe("bad-command");
    await command(host, { command: "settings", scenario: "nope" }, errors);
    expect(errors.pop()?.message).toMatch(/unknown scenario/);
    expect(room.roundScenario.durationSeconds).toBe(60);

    // Start with a countdown; bots fill up to 5 seats.
    await command(host, { command: "start", countdownSeconds: 1 }, errors);
    await until(() => host.state.stage === "countdown", "the countdown");
    await until(() => host.state.stage === "playing", "the start", 3000);
    expect(room.rules.players.map((p) => p.bot)).toEqual([null, null, "hero", "idle", "hero"]);
    // Bots are named in the one shape every client words in its own language.
    expect(room.rules.players.slice(2).map((p) => p.name)).toEqual([botName(2, "hero"), botName(3, "idle"), botName(4, "hero")]);

    // Pause: no ticks run and intents are refused; resume carries on.
    a.send("intent", { kind: "move", dx: 1, dy: 0 });
    await command(host, { command: "pause" }, errors);
    await until(() => a.state.paused, "paused on the player's screen");
    const pausedAt = room.rules.tick;
    const aErrors = errorsOf(a);
    a.send("intent", { kind: "stepBack" });
    // The refusal proves the room handled a message after the pause; no tick ran meanwhile.
    await until(() => aErrors.some((e) => e.code === "paused"), "the paused refusal");
    expect(room.rules.tick).toBe(pausedAt);
    await command(host, { command: "resume" }, errors);
    await until(() => room.rules.tick > pausedAt + 5, "ticks after resume");

    // Next phase: the rules grow the map now; a message reaches every screen.
    const phase = room.rules.phase;
    await command(host, { command: "nextPhase" }, errors);
    expect(room.rules.phase).toBe(phase + 1);
    await command(host, { command: "message", text: "Five minutes\u202e left!" }, errors);
    await until(() => b.state.message === "Five minutes left!", "the message");

    // End: the round stops at once, its summary goes out, its record is kept.
    let summaries = 0;
    b.onMessage("summary", () => summaries++);
    await command(host, { command: "end" }, errors);
    await until(() => b.state.stage === "ended" && summaries === 1, "the end");
    expect(b.state.ended).toBe("host");
    expect(room.rounds).toHaveLength(1);
    const r1 = room.rounds[0]!;
    expect(r1.ended).toBe("host");
    // The log replays to the same state, pause and next phase included.
    expect(stateHash(replayRound(r1.scenario, r1.seed, r1.log, r1.ticks))).toBe(r1.hash);
    expect(r1.log.some((e) => "phase" in e)).toBe(true);

    // Next round with the same players and its own settings.
    await command(host, { command: "settings", scenario: "startup", seats: 3 }, errors);
    // Shown as the next round's settings at once; the finished round keeps its own.
    await until(() => host.state.nextScenario === "startup" && host.state.seats === 3, "next round's settings shown");
    expect(host.state.scenario).toBe("classic");
    expect(room.roundScenario.id).toBe("classic");
    await command(host, { command: "nextRound" }, errors);
    await until(() => a.state.stage === "lobby" && a.state.round === 2, "round 2");
    expect([...a.state.players.values()].map((p) => p.name).sort()).toEqual(["Ann", "Bo"]);
    expect(room.roundScenario.id).toBe("startup");
    await command(host, { command: "start", countdownSeconds: 0 }, errors);
    await until(() => a.state.stage === "ended", "round 2 played out", 20_000);
    expect(room.rounds).toHaveLength(2);
    const r2 = room.rounds[1]!;
    expect(r2.round).toBe(2);
    expect(stateHash(replayRound(r2.scenario, r2.seed, r2.log, r2.ticks))).toBe(r2.hash);
    expect(errors).toEqual([]);
    for (const x of [a, b, host]) await x.leave();
  }, 40_000);

  it("commands that make no sense now are refused and change nothing", async () => {
    const created = await createHosted(PORT);
    const host = await joinHost(server, created);
    const errors = errorsOf(host);
    for (const cmd of [
      { command: "pause" },
      { command: "resume" },
      { command: "end" },
      { command: "nextPhase" },
      { command: "nextRound" },
      { command: "kick", key: "nobody" },
      { command: "cancel" },
    ]) {
      await command(host, cmd, errors);
      expect(errors.pop()?.code, cmd.command).toBe("bad-command");
    }
    for (const bad of [
      { command: "launch" },
      { command: "message", text: "x".repeat(141) },
      { command: "board", mode: "loud" },
      { command: "start", countdownSeconds: -1 },
      { command: "pause", extra: 1 },
      "pause",
      null,
    ]) {
      await command(host, bad as never, errors);
      expect(errors.pop()?.code, JSON.stringify(bad)).toBe("bad-command");
    }
    expect(host.state.stage).toBe("lobby");
    await host.leave();
  });

  it("a countdown can be cancelled: back to the lobby, nothing played, and it can start again", async () => {
    const created = await createHosted(PORT);
    const host = await joinHost(server, created);
    const errors = errorsOf(host);
    const a = await joinPlayer(server, created.code, "Ann");
    await command(host, { command: "start", countdownSeconds: 30 }, errors);
    await until(() => a.state.stage === "countdown", "the countdown");
    await command(host, { command: "cancel" }, errors);
    await until(() => a.state.stage === "lobby" && a.state.countdown === 0, "back in the lobby");
    expect(errors).toEqual([]);
    const room = hostedRoom(server, created.code);
    expect(room.rules.tick).toBe(0);
    expect(room.rounds).toHaveLength(0);
    // The cancelled countdown's timer is gone: nothing starts by itself.
    await sleep(1200);
    expect(a.state.stage).toBe("lobby");
    await command(host, { command: "settings", durationSeconds: 60 }, errors);
    expect(errors).toEqual([]);
    await command(host, { command: "start", countdownSeconds: 0 }, errors);
    await until(() => a.state.stage === "playing", "started after all");
    await a.leave();
    await host.leave();
  });

  it("kick, lock and unlock, board mode and the host-drop setting", async () => {
    const created = await createHosted(PORT);
    const host = await joinHost(server, created);
    const errors = errorsOf(host);
    const a = await joinPlayer(server, created.code, "Ann");
    const b = await joinPlayer(server, created.code, "Bo", { device: "browser-of-bo" });
    const bErrors = errorsOf(b);
    let bClosed = 0;
    b.onLeave((code) => (bClosed = code));
    await command(host, { command: "kick", key: b.sessionId }, errors);
    await until(() => bClosed !== 0 && !a.state.players.has(b.sessionId), "Bo kicked");
    expect(bErrors.map((e) => e.code)).toContain("kicked");
    // Bo's browser stays out, under any name; another browser is welcome.
    expect(await refused(joinPlayer(server, created.code, "Not Bo", { device: "browser-of-bo" }))).toMatchObject({
      code: REFUSALS.removed,
      text: "The host removed you from this room.",
    });
    const c = await joinPlayer(server, created.code, "Cy", { device: "browser-of-cy" });
    await c.leave();

    await command(host, { command: "lock" }, errors);
    await until(() => a.state.locked, "locked");
    expect(await refused(joinPlayer(server, created.code, "Late"))).toMatchObject({ code: REFUSALS.roomLocked, text: "This room is locked by its host." });
    // The host can still come back while the room is locked.
    const host2 = await joinHost(server, created);
    expect(errors.pop()?.message).toMatch(/opened somewhere else/);
    await command(host2, { command: "unlock" }, errors);
    await until(() => !a.state.locked, "unlocked");
    const late = await joinPlayer(server, created.code, "Late");

    for (const mode of ["value", "hidden", "praise"] as const) {
      await command(host2, { command: "board", mode }, errors);
      await until(() => a.state.board === mode, `board ${mode}`);
    }
    await command(host2, { command: "hostDrop", then: "pause" }, errors);
    await until(() => a.state.hostDrop === "pause", "host-drop setting");
    expect(errors).toEqual([]);
    for (const x of [a, late, host2]) await x.leave();
  });
});

describe("host authority", () => {
  const ALL_COMMANDS: Record<string, unknown>[] = [
    { command: "settings", scenario: "startup", durationSeconds: 30 },
    { command: "start", countdownSeconds: 0 },
    { command: "pause" },
    { command: "resume" },
    { command: "end" },
    { command: "nextPhase" },
    { command: "message", text: "forged" },
    { command: "nextRound" },
    { command: "kick", key: "" },
    { command: "lock" },
    { command: "unlock" },
    { command: "board", mode: "hidden" },
    { command: "hostDrop", then: "pause" },
    { command: "cancel" },
    { command: "debrief", rounds: [] },
  ];

  it("every command from a player or a screen gets not-host and changes nothing, before and during a round", async () => {
    const created = await createHosted(PORT);
    const host = await joinHost(server, created);
    const player = await joinPlayer(server, created.code, "Mallory");
    const screen = await joinPlayer(server, created.code, "", { role: "screen" });
    const room = hostedRoom(server, created.code);
    // A projector has no name of its own: the consoles name it in their language.
    expect(room.state.watchers.get(screen.sessionId)?.toJSON()).toMatchObject({ name: "", role: "screen" });
    const snapshot = () =>
      JSON.stringify({
        state: room.state.toJSON(),
        rounds: room.rounds.length,
        log: room.inputLog.length,
        tick: room.rules.tick,
        seed: room.roundSeed,
        dur: room.roundScenario.durationSeconds,
      });

    const forge = async (phase: string) => {
      for (const sender of [player, screen]) {
        const errors = errorsOf(sender);
        for (const cmd of ALL_COMMANDS) {
          const forged = cmd.command === "kick" ? { ...cmd, key: host.sessionId } : cmd;
          const before = snapshot();
          await command(sender, forged, errors);
          expect(errors.pop(), `${phase}: ${String(cmd.command)}`).toEqual({ code: "not-host", message: expect.any(String) });
          // Host messages count against the flood limit (20 a second) like any other.
          await sleep(60);
          expect(snapshot(), `${phase}: ${String(cmd.command)} changed something`).toBe(before);
        }
        // Wrong shapes from a non-host say not-host too: nothing is learnt about valid commands.
        await command(sender, { command: "launch" }, errors);
        expect(errors.pop()?.code).toBe("not-host");
      }
    };
    await forge("lobby");
    await command(host, { command: "settings", scenario: "classic", durationSeconds: 600 });
    await command(host, { command: "start", countdownSeconds: 0 });
    await until(() => room.state.stage === "playing", "playing");
    // A paused round keeps every snapshot comparable (no ticks run).
    await command(host, { command: "pause" });
    await forge("paused round");
    expect(room.state.paused).toBe(true);
    expect(host.connection.isOpen && player.connection.isOpen).toBe(true);
    for (const x of [player, screen, host]) await x.leave();
  }, 30_000);

  it("a wrong host secret is refused at the door", async () => {
    const created = await createHosted(PORT);
    expect(await refused(server.sdk.joinById(created.code, { hostSecret: "guess" }))).toMatchObject({
      code: REFUSALS.wrongSecret,
      text: "wrong host secret for this room",
    });
    const other = await createHosted(PORT);
    expect((await refused(server.sdk.joinById(created.code, { hostSecret: other.hostSecret }))).code).toBe(REFUSALS.wrongSecret);
  });

  it("the host reclaims the room from another tab; the old console is let go; a drop pauses when asked", async () => {
    const created = await createHosted(PORT);
    const host = await joinHost(server, created);
    const a = await joinPlayer(server, created.code, "Ann");
    await command(host, { command: "settings", scenario: "classic", durationSeconds: 600 });
    await command(host, { command: "hostDrop", then: "pause" });
    await command(host, { command: "start", countdownSeconds: 0 });
    await until(() => a.state.stage === "playing", "playing");
    let oldClosed = 0;
    host.onLeave((code) => (oldClosed = code));
    const tab2 = await joinHost(server, created);
    await until(() => oldClosed !== 0, "the old console let go");
    // The old console's commands are no longer the host's.
    expect(a.state.paused).toBe(false);
    // The new console drops: the round pauses; the host comes back and resumes.
    await tab2.leave(false);
    await until(() => a.state.paused && !a.state.hostOnline, "paused on host drop");
    const tab3 = await joinHost(server, created);
    await until(() => a.state.hostOnline, "host back");
    await command(tab3, { command: "resume" });
    await until(() => !a.state.paused, "resumed");
    // With "continue", a drop leaves the round running.
    await command(tab3, { command: "hostDrop", then: "continue" });
    await tab3.leave(false);
    await until(() => !a.state.hostOnline, "host gone");
    const room = hostedRoom(server, created.code);
    const t = room.rules.tick;
    await until(() => room.rules.tick > t + 3, "still running");
    expect(a.state.paused).toBe(false);
    await a.leave();
  }, 20_000);
});

describe("determinism of hosted rounds", () => {
  it("a round paused and resumed while a player moves replays to the same final hash", async () => {
    const created = await createHosted(PORT);
    const host = await joinHost(server, created);
    const a = await joinPlayer(server, created.code, "Ann");
    const room = hostedRoom(server, created.code);
    await command(host, { command: "settings", scenario: "startup", seats: 3, bots: ["hero", "balanced"], seed: 4242 });
    await command(host, { command: "start", countdownSeconds: 0 });
    await until(() => a.state.stage === "playing", "playing");
    const dirs = [
      [1, 0],
      [0, 1],
      [-1, 0],
      [0, -1],
    ] as const;
    for (let i = 0; i < 4; i++) {
      a.send("intent", { kind: "move", dx: dirs[i]![0], dy: dirs[i]![1] });
      await sleep(30);
      await command(host, { command: "pause" });
      const t = room.rules.tick;
      a.send("intent", { kind: "stepBack" }); // refused while paused: nothing logged
      await sleep(60);
      expect(room.rules.tick).toBe(t);
      await command(host, { command: "resume" });
    }
    await until(() => a.state.stage === "ended", "the end by time", 20_000);
    const r = room.rounds[0]!;
    expect(r.ended).toMatch(/^(time|collapse)$/);
    expect(r.log.filter((e) => "intent" in e && e.seat === 0).length).toBeGreaterThan(0);
    expect(stateHash(replayRound(r.scenario, r.seed, r.log, r.ticks))).toBe(r.hash);
    // Without phase events the rules' own replay agrees too: a pause leaves no trace in the log.
    expect(stateHash(replay(r.scenario, r.seed, r.log as LogEntry[]))).toBe(r.hash);
    for (const x of [a, host]) await x.leave();
  }, 30_000);
});

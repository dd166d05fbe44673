// The frame the renderers and the HUD draw: from a room's synced state (readFrame) and from a
// local rules state (frameFromState: the title backdrop, the practice, replays). A local frame
// is the rules' own player view, so its clock stops at zero and a step back shows your embers.
import { describe, expect, it } from "vitest";
import type { Room } from "colyseus.js";
import { Action, SCENARIOS, applyIntent, createGame, playerView, step } from "../../shared/index.js";
import { frameFromState, readFrame } from "../../client/net/frame.js";
import { roundClock } from "../../client/ui/clock.js";
import { formatClock } from "../../client/ui/dom.js";
import { placeOn, quietGame, setFire } from "../rules/helpers.js";

/** A room whose state is plain objects, as the client sees a decoded schema. */
function roomWith(state: Record<string, unknown>, sessionId = "me"): Room {
  return { state, sessionId } as unknown as Room;
}

const player = (seat: number, name: string, extra: Record<string, unknown> = {}) => ({
  seat,
  name,
  bot: "",
  status: "playing",
  x: 300,
  y: 300,
  dirX: 0,
  dirY: 0,
  sprint: false,
  energy: 100,
  burnout: 0,
  action: 0,
  actionTile: -1,
  praise: 0,
  ...extra,
});

describe("a frame from a room's synced state", () => {
  it("lists players in seat order, marks you, and reads hidden risk as hidden", () => {
    const players = new Map<string, unknown>([
      ["other", player(1, "Bo", { praise: 7 })],
      ["me", player(0, "Ada")],
    ]);
    const f = readFrame(roomWith({ stage: "playing", tick: 30, tickRate: 10, clock: 87, players, heat: [0, 2, 0, 0], risk: [], embers: [] }));
    expect(f.players.map((p) => p.name)).toEqual(["Ada", "Bo"]);
    expect(f.you?.name).toBe("Ada");
    expect(f.players.find((p) => p.name === "Bo")!.isYou).toBe(false);
    expect(f.risk).toBeNull();
    expect(f.hosted).toBeNull();
    expect(roundClock(f).text).toBe("0:03 / 1:30");
  });

  it("reads revealed risk and the embers' owners in pairs", () => {
    const f = readFrame(roomWith({ risk: [0, 5, 9, 0], embers: [1, 0, 2, 3], players: new Map() }));
    expect(f.risk).toEqual([0, 5, 9, 0]);
    expect(f.embers).toEqual([
      { tile: 1, seat: 0 },
      { tile: 2, seat: 3 },
    ]);
  });

  it("a hosted room says so; a watcher has no avatar", () => {
    const players = new Map<string, unknown>([["someone", player(0, "Ada")]]);
    const f = readFrame(roomWith({ code: "ABC123", round: 2, paused: true, players, watchers: new Map() }, "watcher"));
    expect(f.hosted).toMatchObject({ code: "ABC123", round: 2, paused: true, watching: true, board: "praise" });
    expect(f.you).toBeUndefined();
  });
});

describe("a frame from a local rules state", () => {
  it("the clock stops at zero: a state run past the round's end never shows time below nothing", () => {
    const sc = SCENARIOS.startup!;
    const s = createGame(sc, 7, [{ name: "Ada" }]);
    s.tick = (sc.durationSeconds + 25) * sc.tickRate;
    const f = frameFromState(s);
    expect(f.clock).toBe(0);
    // The HUD's "elapsed / length" never shows a length shorter than the time gone.
    const elapsed = formatClock(sc.durationSeconds + 25);
    expect(roundClock(f).text).toBe(`${elapsed} / ${elapsed}`);
  });

  it("counts the clock down on the scenario's own seconds while the round runs", () => {
    const sc = SCENARIOS.startup!;
    const s = createGame(sc, 7, [{ name: "Ada" }]);
    for (let i = 0; i < 3 * sc.tickRate; i++) step(s);
    expect(frameFromState(s).clock).toBe(sc.durationSeconds - 3);
  });

  it("after putting out a fire and stepping back, the embers you left show as yours", () => {
    const s = quietGame(1);
    placeOn(s, 0, 12, 12);
    const fire = setFire(s, 13, 12, 1);
    expect(applyIntent(s, 0, { kind: "extinguish", x: 13, y: 12 }).ok).toBe(true);
    for (let i = 0; i < 400 && (s.tiles.heat[fire]! > 0 || s.players[0]!.action !== Action.None); i++) step(s);
    expect(s.tiles.heat[fire]).toBe(0);

    // Hidden until revealed: no risk and no embers on screen.
    const hidden = frameFromState(s);
    expect(hidden.risk).toBeNull();
    expect(hidden.embers).toEqual([]);

    expect(applyIntent(s, 0, { kind: "stepBack" }).ok).toBe(true);
    for (let i = 0; i < 400 && !(s.tick < s.reveal.until); i++) step(s);
    expect(s.tick < s.reveal.until).toBe(true);
    const shown = frameFromState(s);
    expect(shown.risk).not.toBeNull();
    expect(shown.embers).toContainEqual({ tile: fire, seat: 0 });
    // Exactly what the server would publish for this moment.
    expect(shown.embers).toEqual(playerView(s, 0).embers);
    expect(shown.leverage).toEqual(playerView(s, 0).leverage);
  });

  it("shows every seat where the rules put it, with what its keys hold", () => {
    const s = quietGame(2);
    placeOn(s, 1, 3, 4);
    s.players[1]!.dirX = 1;
    s.players[1]!.sprint = true;
    s.players[1]!.present = false;
    const f = frameFromState(s);
    const p = f.players[1]!;
    expect([p.x, p.y, p.dirX, p.sprint, p.status]).toEqual([s.players[1]!.x, s.players[1]!.y, 1, true, "left"]);
    expect(f.you).toBeUndefined();
  });
});

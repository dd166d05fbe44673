// Impossible or malformed intents are rejected with a reason and change nothing.
import { describe, expect, it } from "vitest";
import { type Intent, applyIntent, parseIntent, removePlayer, stateHash, step, tileIndex } from "../../shared/index.js";
import { placeOn, quietGame, setFire } from "./helpers.js";

function expectRejected(intent: Intent, code: string, prepare = (_s: ReturnType<typeof quietGame>) => {}, seat = 0) {
  const s = quietGame(2);
  placeOn(s, 0, 12, 12);
  prepare(s);
  const before = stateHash(s);
  const verdict = applyIntent(s, seat, intent);
  expect(verdict).toMatchObject({ ok: false, code });
  if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(5);
  expect(stateHash(s)).toBe(before);
}

describe("intent validation by the rules", () => {
  it("rejects a tile outside the map", () => expectRejected({ kind: "extinguish", x: 40, y: 3 }, "out-of-map"));
  it("rejects a tile not yet in play", () => expectRejected({ kind: "invest", x: 2, y: 2 }, "not-active"));
  it("rejects a tile out of reach", () => expectRejected({ kind: "invest", x: 15, y: 15 }, "too-far"));
  it("rejects extinguishing a healthy tile", () => expectRejected({ kind: "extinguish", x: 13, y: 12 }, "not-burning"));
  it("rejects investing in a burning tile", () => expectRejected({ kind: "invest", x: 13, y: 12 }, "burning", (s) => void setFire(s, 13, 12, 2)));
  it("rejects investing in a fully guarded tile", () =>
    expectRejected({ kind: "invest", x: 12, y: 12 }, "fully-guarded", (s) => void (s.tiles.guard[tileIndex(s, 12, 12)] = 3)));
  it("rejects a burnt-out player's actions", () => expectRejected({ kind: "stepBack" }, "burnt-out", (s) => void (s.players[0]!.burnout = 30)));
  it("rejects a seat that does not exist", () => expectRejected({ kind: "stepBack" }, "no-such-seat", () => {}, 9));
  it("rejects a seat whose player left", () => expectRejected({ kind: "stepBack" }, "not-in-play", (s) => void removePlayer(s, 0)));
  it("rejects anything after the round ends", () => expectRejected({ kind: "move", dx: 1, dy: 0 }, "game-over", (s) => void (s.ended = "time")));

  it("lets a burnt-out player let go of the keys", () => {
    const s = quietGame();
    s.players[0]!.burnout = 30;
    expect(applyIntent(s, 0, { kind: "move", dx: 0, dy: 0 }).ok).toBe(true);
  });

  it("accepts the same intent once the reason is gone", () => {
    const s = quietGame();
    placeOn(s, 0, 12, 12);
    setFire(s, 13, 12, 2);
    expect(applyIntent(s, 0, { kind: "extinguish", x: 13, y: 12 }).ok).toBe(true);
  });
});

describe("intent shape", () => {
  const bad: [string, unknown][] = [
    ["not an object", "move"],
    ["null", null],
    ["unknown kind", { kind: "teleport" }],
    ["missing field", { kind: "move", dx: 1 }],
    ["NaN", { kind: "move", dx: Number.NaN, dy: 0 }],
    ["Infinity", { kind: "extinguish", x: Number.POSITIVE_INFINITY, y: 1 }],
    ["a fraction", { kind: "invest", x: 1.5, y: 2 }],
    ["a negative coordinate", { kind: "invest", x: -1, y: 2 }],
    ["a step too long", { kind: "move", dx: 2, dy: 0 }],
    ["a string for a boolean", { kind: "sprint", on: "yes" }],
    ["an extra field", { kind: "stepBack", seat: 3 }],
  ];
  for (const [name, data] of bad) {
    it(`rejects ${name} with a reason`, () => {
      const r = parseIntent(data);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).not.toBe("");
    });
  }

  it("accepts each of the five intents", () => {
    for (const data of [
      { kind: "move", dx: -1, dy: 1 },
      { kind: "sprint", on: true },
      { kind: "extinguish", x: 3, y: 4 },
      { kind: "invest", x: 0, y: 31 },
      { kind: "stepBack" },
    ])
      expect(parseIntent(data)).toEqual({ ok: true, intent: data });
  });

  it("a rejected intent leaves the following ticks unchanged too", () => {
    const a = quietGame();
    const b = quietGame();
    applyIntent(b, 0, { kind: "invest", x: 30, y: 30 });
    for (let k = 0; k < 50; k++) {
      step(a);
      step(b);
    }
    expect(stateHash(b)).toBe(stateHash(a));
  });
});

describe("an action re-sent while it is under way", () => {
  // A person holding the key (or a client re-sending) must not restart the work or pay twice.
  for (const [name, intent, prepare] of [
    ["extinguish", { kind: "extinguish", x: 13, y: 12 }, (s: ReturnType<typeof quietGame>) => void setFire(s, 13, 12, 2)],
    ["invest", { kind: "invest", x: 13, y: 12 }, () => {}],
    ["stepBack", { kind: "stepBack" }, () => {}],
  ] as const) {
    it(`${name} on the same target is ignored: no restart, no second charge`, () => {
      const s = quietGame();
      placeOn(s, 0, 12, 12);
      prepare(s);
      expect(applyIntent(s, 0, intent as Intent).ok).toBe(true);
      step(s);
      step(s);
      const p = s.players[0]!;
      const [left, energy, value] = [p.actionLeft, p.energy, s.value];
      expect(applyIntent(s, 0, intent as Intent).ok).toBe(true);
      expect([p.actionLeft, p.energy, s.value]).toEqual([left, energy, value]);
    });
  }

  it("another target still starts anew", () => {
    const s = quietGame();
    placeOn(s, 0, 12, 12);
    expect(applyIntent(s, 0, { kind: "invest", x: 13, y: 12 }).ok).toBe(true);
    step(s);
    const energy = s.players[0]!.energy;
    expect(applyIntent(s, 0, { kind: "invest", x: 13, y: 13 }).ok).toBe(true);
    expect(s.players[0]!.actionTile).toBe(tileIndex(s, 13, 13));
    expect(s.players[0]!.energy).toBeLessThan(energy);
  });
});

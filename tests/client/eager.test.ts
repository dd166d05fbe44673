// Eager pressing is safe: a second Space (or E) while that very action runs on that very tile
// sends nothing, so it never restarts the work already done. Driven through the controls a
// scene uses, with the frames a player would have on screen.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Action, type Intent } from "../../shared/index.js";
import { ACK_MS, alreadyUnderWay } from "../../client/input/eager.js";
import { Controls } from "../../client/input/controls.js";
import type { Frame } from "../../client/net/frame.js";
import { frameFromState } from "../../client/net/frame.js";
import { placeOn, quietGame, setFire } from "../rules/helpers.js";

let now = 0;

/** Controls on a page with one fire next to you; returns what they sent and a way to change what the server says you do. */
function play() {
  const s = quietGame(1);
  placeOn(s, 0, 12, 12);
  const fire = setFire(s, 13, 12, 2);
  const base = frameFromState(s);
  let you = { ...base.players[0]!, isYou: true };
  const frame = (): Frame => ({ ...base, players: [you], you });
  const sent: Intent[] = [];
  const controls = new Controls({
    send: (i) => sent.push(i),
    frame,
    position: () => ({ x: you.x, y: you.y }),
    held: () => undefined,
    toggleHelp: () => undefined,
  });
  const serverShows = (action: number, actionTile: number) => (you = { ...you, action, actionTile });
  return { controls, sent, fire, width: base.width, serverShows };
}

describe("the eager-press guard", () => {
  beforeEach(() => {
    vi.stubGlobal("window", new EventTarget());
    now = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it("Space pressed twice before the server answers sends one extinguish", () => {
    const { controls, sent, fire, width } = play();
    controls.act("extinguish");
    now += 50;
    controls.act("extinguish");
    expect(sent).toEqual([{ kind: "extinguish", x: fire % width, y: Math.floor(fire / width) }]);
  });

  it("once the server shows you putting it out, pressing again sends nothing however long it takes", () => {
    const { controls, sent, fire, serverShows } = play();
    controls.act("extinguish");
    serverShows(Action.Extinguish, fire);
    now += 5 * ACK_MS;
    controls.act("extinguish");
    expect(sent).toHaveLength(1);
  });

  it("a press the server never took up is sent again once the wait for it is over", () => {
    const { controls, sent } = play();
    controls.act("extinguish");
    now += ACK_MS + 1;
    controls.act("extinguish");
    expect(sent.map((i) => i.kind)).toEqual(["extinguish", "extinguish"]);
  });

  it("tapping another tile mid-fight switches to it; tapping the same fire again does not restart it", () => {
    const { controls, sent, fire, width, serverShows } = play();
    controls.act("extinguish");
    serverShows(Action.Extinguish, fire);
    now += 5 * ACK_MS;
    controls.clickTile(fire);
    expect(sent).toHaveLength(1);
    controls.clickTile(11 * width + 11);
    expect(sent.at(-1)).toEqual({ kind: "invest", x: 11, y: 11 });
  });

  it("a step back already under way is not started again", () => {
    const { controls, sent, serverShows } = play();
    controls.act("stepBack");
    serverShows(Action.StepBack, -1);
    now += 10 * ACK_MS;
    controls.act("stepBack");
    expect(sent).toEqual([{ kind: "stepBack" }]);
  });

  it("the rule itself: same action and tile is under way; another tile by tap is not", () => {
    const you = { action: Action.Invest, actionTile: 40 };
    expect(alreadyUnderWay(you, null, "invest", 40, 0)).toBe(true);
    expect(alreadyUnderWay(you, null, "invest", 41, 0)).toBe(false);
    expect(alreadyUnderWay(you, null, "invest", 41, 0, true)).toBe(true);
    expect(alreadyUnderWay(you, null, "extinguish", 40, 0)).toBe(false);
    expect(alreadyUnderWay(undefined, { kind: "invest", tile: 40, at: 0 }, "invest", 40, ACK_MS - 1)).toBe(true);
    expect(alreadyUnderWay(undefined, { kind: "invest", tile: 40, at: 0 }, "invest", 40, ACK_MS)).toBe(false);
  });
});

// Which tile a key press aims at: Space the fire a person would mean (the hottest within reach,
// else the nearest), E the tile you stand on, a tap the tile tapped, Q no tile at all.
import { describe, expect, it } from "vitest";
import { SUB } from "../../shared/index.js";
import { aimAt, aimFire } from "../../client/input/controls.js";
import { frameFromState } from "../../client/net/frame.js";
import { quietGame, setFire } from "../rules/helpers.js";

const at = (tx: number, ty: number) => ({ x: tx * SUB + SUB / 2, y: ty * SUB + SUB / 2 });

describe("aiming", () => {
  it("Space aims at the hottest fire next to you rather than a cooler one beside it", () => {
    const s = quietGame(1);
    setFire(s, 11, 12, 1);
    const hot = setFire(s, 13, 12, 3);
    const f = frameFromState(s);
    const { x, y } = at(12, 12);
    expect(aimFire(f, x, y)).toBe(hot);
    expect(aimAt(f, "extinguish", x, y)).toBe(hot);
  });

  it("a fire within reach beats a hotter one across the map", () => {
    const s = quietGame(1);
    const near = setFire(s, 13, 13, 1);
    setFire(s, 4, 4, 4);
    expect(aimFire(frameFromState(s), at(12, 12).x, at(12, 12).y)).toBe(near);
  });

  it("with no fire in reach, Space heads for the nearest one", () => {
    const s = quietGame(1);
    const near = setFire(s, 16, 12, 1);
    setFire(s, 22, 12, 1);
    expect(aimFire(frameFromState(s), at(12, 12).x, at(12, 12).y)).toBe(near);
  });

  it("with no fire anywhere, Space aims at your own tile", () => {
    const s = quietGame(1);
    const f = frameFromState(s);
    expect(aimFire(f, at(12, 12).x, at(12, 12).y)).toBe(12 * f.width + 12);
  });

  it("E builds where you stand, even beside a fire; a tap aims where it landed; Q aims at no tile", () => {
    const s = quietGame(1);
    setFire(s, 13, 12, 2);
    const f = frameFromState(s);
    const { x, y } = at(12, 12);
    expect(aimAt(f, "invest", x, y)).toBe(12 * f.width + 12);
    expect(aimAt(f, "extinguish", x, y, 5 * f.width + 5)).toBe(5 * f.width + 5);
    expect(aimAt(f, "stepBack", x, y)).toBe(-1);
  });
});

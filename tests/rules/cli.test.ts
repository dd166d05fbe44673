// The simulate CLI is a contract later tools rely on: its flags, its JSON, its exit codes.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const simulate = (...args: string[]) => run("npx", ["tsx", "tools/simulate.ts", ...args], { encoding: "utf8" });

describe("simulate CLI", () => {
  it("prints one JSON object with runs and means", async () => {
    const { stdout } = await simulate("--scenario", "startup", "--team", "hero,preventer", "--seeds", "1..3", "--json");
    const out = JSON.parse(stdout);
    expect(out.scenario).toBe("startup");
    expect(out.team).toEqual(["hero", "preventer"]);
    expect(out.runs.map((r: { seed: number }) => r.seed)).toEqual([1, 2, 3]);
    for (const r of out.runs) {
      expect(r).toMatchObject({ value: expect.any(Number), praise: expect.any(Number), collapsed: expect.any(Boolean), endTick: 1200 });
      expect(r.hash).toMatch(/^[0-9a-f]{8}$/);
      expect(r.players).toHaveLength(2);
      for (const p of r.players) expect(p.net).toBe(p.direct - p.indirect);
    }
    expect(out.mean.collapseRate).toBe(0);
  });

  it("sweeps 0..4 heroes", async () => {
    const { stdout } = await simulate("--scenario", "startup", "--sweep", "heroes", "--seeds", "1..2", "--json");
    const { sweep } = JSON.parse(stdout);
    expect(sweep.map((r: { heroes: number }) => r.heroes)).toEqual([0, 1, 2, 3, 4]);
  });

  it("prints a readable table without --json", async () => {
    const { stdout } = await simulate("--scenario", "startup", "--team", "balanced", "--seeds", "4");
    expect(stdout).toContain("mean");
    expect(stdout).toContain("Startup");
  });

  it("plays at a pace, switches habits, and carries the timeline and the tipping point", async () => {
    const base = ["--scenario", "startup", "--team", "firefighter,hero", "--seeds", "1..2", "--json"];
    const everyTick = JSON.parse((await simulate(...base)).stdout);
    const paced = JSON.parse((await simulate(...base, "--pace", "2", "--timeline")).stdout);
    const switched = JSON.parse((await simulate(...base, "--pace", "2", "--switch-at", "30", "--switch-to", "idle", "--timeline")).stdout);
    expect(paced.team).toEqual(["firefighter", "hero"]);
    for (const r of [...everyTick.runs, ...paced.runs]) expect(r.tippedAt === null || Number.isInteger(r.tippedAt)).toBe(true);
    expect(everyTick.runs[0].valueBySecond).toBeUndefined();
    expect(paced.runs[0].hash).not.toBe(everyTick.runs[0].hash);
    for (const r of paced.runs) {
      expect(r.valueBySecond).toHaveLength(120);
      expect(r.valueBySecond.at(-1)).toBe(r.value);
    }
    // The same round up to the switch, then idle bots: the curves part after second 30.
    const [a, b] = [paced.runs[0].valueBySecond, switched.runs[0].valueBySecond];
    expect(b.slice(0, 30)).toEqual(a.slice(0, 30));
    expect(b).not.toEqual(a);
  });

  for (const [name, args] of [
    ["a pace of 0", ["--pace", "0"]],
    ["a pace faster than the tick", ["--pace", "11"]],
    ["a fractional pace", ["--pace", "1.5"]],
    ["--switch-at without --switch-to", ["--switch-at", "60"]],
    ["--switch-to an unknown bot", ["--switch-at", "60", "--switch-to", "wizard"]],
    ["--switch-at past the round", ["--scenario", "startup", "--switch-at", "500", "--switch-to", "hero"]],
    ["--switch-at not a number", ["--switch-at", "soon", "--switch-to", "hero"]],
    ["an unknown scenario", ["--scenario", "mars"]],
    ["an unknown bot", ["--team", "hero,wizard"]],
    ["a backwards seed range", ["--seeds", "9..2"]],
    ["garbage seeds", ["--seeds", "lots"]],
  ] as const) {
    it(`exits 2 with one line on stderr for ${name}`, async () => {
      const err = await simulate(...args).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(err?.code).toBe(2);
      expect(err?.stderr.trim().split("\n")).toHaveLength(1);
    });
  }
});

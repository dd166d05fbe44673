// The results' shared words: the headline names (one function for every screen) and the
// sentence about you, built from the rules' attribution.
import { describe, expect, it } from "vitest";
import {
  createGame,
  creditName,
  EFFORTS,
  type Effort,
  headlines,
  headlineSentence,
  type PlayerSummary,
  recapOf,
  roundSummary,
  runBots,
  SCENARIOS,
  step,
  storyOf,
} from "../../shared/index.js";

const effort = (sprint = 0): Record<Effort, number> => ({ ...(Object.fromEntries(EFFORTS.map((e) => [e, 0])) as Record<Effort, number>), sprint });

function player(seat: number, name: string, fields: Partial<PlayerSummary> = {}): PlayerSummary {
  return {
    seat,
    name,
    bot: null,
    praise: 0,
    direct: 0,
    indirect: 0,
    net: 0,
    saves: 0,
    heatRemoved: 0,
    guardBuilt: 0,
    riskCleared: 0,
    firesCaused: 0,
    effort: effort(),
    ...fields,
  };
}

describe("headlines", () => {
  it("names the most praised and who did the most good, people before bots", () => {
    const ps = [
      player(0, "Hero bot", { bot: "hero", praise: 900, net: 5000 }),
      player(1, "Ana", { praise: 140, net: -2000 }),
      player(2, "Ben", { praise: 20, net: 3000 }),
    ];
    const hl = headlines(ps);
    expect(hl.praised?.name).toBe("Ana");
    expect(hl.good?.name).toBe("Ben");
    expect(hl.goodKind).toBe("most good");
    expect(headlineSentence(hl)).toBe("Ana earned the most praise; Ben did the team the most good.");
  });

  it("never calls a negative net the most good", () => {
    const hl = headlines([player(0, "Ana", { praise: 50, net: -4000 }), player(1, "Ben", { praise: 10, net: -1000 })]);
    expect(hl.good?.name).toBe("Ben");
    expect(hl.goodKind).toBe("least harm");
    expect(headlineSentence(hl)).toBe("Ana earned the most praise; Ben did the least harm.");
  });

  it("names nobody when nobody earned praise or changed anything", () => {
    const hl = headlines([player(0, "Ana"), player(1, "Ben")]);
    expect(hl.praised).toBeNull();
    expect(hl.good).toBeNull();
    expect(headlineSentence(hl)).toBeNull();
  });

  it("among bots only, labels a bot as one (unless its name says so)", () => {
    const hl = headlines([player(0, "Ember", { bot: "hero", praise: 300, net: -100 }), player(1, "Bot 2 (preventer)", { bot: "preventer", net: 900 })]);
    expect(headlineSentence(hl)).toBe("Ember (bot) earned the most praise; Bot 2 (preventer) did the team the most good.");
  });

  it("one person both most praised and most good gets one clause", () => {
    const hl = headlines([player(0, "Ana", { praise: 50, net: 4000 }), player(1, "Ben", { praise: 10, net: 1000 })]);
    expect(headlineSentence(hl)).toBe("Ana earned the most praise and did the team the most good.");
  });
});

describe("your story", () => {
  it("says what your quick fixes started later and what it cost", () => {
    const ps = [player(0, "Ana", { praise: 140, saves: 5, firesCaused: 3, indirect: 12_400_000, direct: 2_000_000, net: -10_400_000 })];
    expect(storyOf(ps, 0)).toBe(
      "You earned 140 praise. Embers from your quick fixes started 3 fires later, which cost the team 12,400 value. All told, your work cost the team 10,400 value.",
    );
  });

  it("names dust when you sprinted, and credits clean work", () => {
    expect(storyOf([player(1, "Ben", { firesCaused: 1, indirect: 0, effort: effort(40) })], 1)).toBe(
      "You earned no praise. Dust from your sprinting started 1 fire later.",
    );
    expect(storyOf([player(2, "Cy", { praise: 30, saves: 2, direct: 600_000, net: 600_000 })], 2)).toBe(
      "You earned 30 praise. None of your quick fixes started a fire later. All told, your work added 600 value.",
    );
  });

  it("has nothing to say to a watcher", () => {
    expect(storyOf([player(0, "Ana")], null)).toBeNull();
    expect(storyOf([player(0, "Ana")], 3)).toBeNull();
  });

  it("agrees with a real round's attribution", () => {
    const s = createGame(SCENARIOS.startup!, 7, [
      { name: "h", bot: "hero" },
      { name: "b", bot: "balanced" },
    ]);
    while (!s.ended) {
      runBots(s);
      step(s);
    }
    const sum = roundSummary(s);
    const hero = sum.players[0]!;
    const story = storyOf(sum.players, 0)!;
    expect(story).toContain(`You earned ${hero.praise} praise.`);
    if (hero.firesCaused > 0) expect(story).toContain(`started ${hero.firesCaused} fire`);
  });
});

describe("the results' recap", () => {
  it("samples a long round to a few points and keeps its last second", () => {
    const n = 845;
    const t = {
      fires: Array.from({ length: n }, (_, i) => (i > 600 ? 9 : 0)),
      risk: [],
      value: Array.from({ length: n }, (_, i) => i * 10),
      praise: Array.from({ length: n }, (_, i) => i),
      effort: [],
    };
    // It collapsed: the fires that stayed over the team from 601 s on were a spiral.
    const r = recapOf(t, 4, "collapse");
    expect(r.seconds.length).toBeLessThanOrEqual(121);
    expect(r.seconds.at(-1)).toBe(n - 1);
    expect(r.value.at(-1)).toBe((n - 1) * 10);
    expect(r.tipping).not.toBeNull();
    expect(r.tipping!).toBeGreaterThan(600);
  });
});

describe("headlines when the people did nothing", () => {
  it("name a bot (as a bot) rather than nobody, and still a person whenever one stands out", () => {
    const p = (name: string, bot: string | null, praise: number, net: number) => ({ name, bot, praise, net });
    const idlePeople = [p("Ada", null, 0, 0), p("Bo", null, 0, 0), p("Bot 3 (hero)", "hero", 840, 3), p("Blaze", "hero", 755, 4)];
    const hl = headlines(idlePeople);
    expect(hl.praised?.name).toBe("Bot 3 (hero)");
    expect(hl.good?.name).toBe("Blaze");
    expect(creditName(hl.good!)).toBe("Blaze (bot)");
    const adaPlayed = [p("Ada", null, 20, -2), ...idlePeople.slice(1)];
    expect(headlines(adaPlayed).praised?.name).toBe("Ada");
    // Among the people, Bo's 0 beats Ada's −2: the least harm, and a person.
    expect(headlines(adaPlayed).good?.name).toBe("Bo");
    expect(headlines(adaPlayed).goodKind).toBe("least harm");
  });
});

// The host's commands decided without a room (server/hosting/host-commands.ts): what a
// facilitator is told when a command makes no sense now, that a refused command leaves the
// room's settings as they were, and what an accepted one changes. The same refusals reach the
// console through a real room in hosted.test.ts.
import { describe, expect, it } from "vitest";
import { decideHostCommand, HOSTED_COUNTDOWN_SECONDS, type HostView } from "../../server/hosting/host-commands.js";
import { createGame, getScenario } from "../../shared/index.js";
import { checkHostCommand, checkWorkshopCommand, type HostCommand, MAX_COMMAND_BYTES, type Stage } from "../../shared/protocol/index.js";
import { DEFAULT_ROUND_SETTINGS, type RoundSettings } from "../../shared/settings.js";
import { playedRound } from "./round-fixture.js";

const SID = "11111111-1111-4111-8111-111111111111";

function view(stage: Stage, over: Partial<HostView> = {}): HostView {
  const settings: RoundSettings = structuredClone({ ...DEFAULT_ROUND_SETTINGS, customisation: { durationSeconds: 300 } });
  return {
    stage,
    paused: false,
    game: createGame(getScenario("classic")!, 1),
    settings,
    people: new Map([["alice", {}]]),
    rounds: [],
    ...over,
  };
}

/** Decides `cmd` and answers the refusal, failing if the command was accepted. */
function refusal(v: HostView, cmd: HostCommand): string {
  const d = decideHostCommand(v, cmd);
  if (!("refusal" in d)) throw new Error(`accepted: ${JSON.stringify(d)}`);
  return d.refusal;
}

describe("host commands a facilitator would see refused", () => {
  it("a round cannot start while one counts down, is played or has ended", () => {
    for (const stage of ["countdown", "playing", "ended"] as const)
      expect(refusal(view(stage), { command: "start" })).toBe("a round can start from the lobby only");
  });

  it("settings change between rounds only, and a refused change leaves the settings as they were", () => {
    for (const stage of ["countdown", "playing"] as const) {
      const v = view(stage);
      const before = structuredClone(v.settings);
      expect(refusal(v, { command: "settings", scenario: "startup" })).toBe("settings can change between rounds only");
      expect(v.settings).toEqual(before);
    }
    const v = view("lobby");
    const before = structuredClone(v.settings);
    expect(refusal(v, { command: "settings", scenario: "no-such-scenario" })).toBe('unknown scenario "no-such-scenario"');
    // The schema allows phases 0..2; "startup" has one phase.
    expect(refusal(v, { command: "settings", scenario: "startup", startPhase: 2 })).toMatch(/^startPhase: "startup" has phases 0\.\.0/);
    expect(v.settings).toEqual(before);
  });

  it("pause, resume, end and the next phase need a round in the right state", () => {
    expect(refusal(view("lobby"), { command: "pause" })).toBe("no round is running");
    expect(refusal(view("playing", { paused: true }), { command: "pause" })).toBe("already paused");
    expect(refusal(view("playing"), { command: "resume" })).toBe("not paused");
    expect(refusal(view("countdown"), { command: "end" })).toBe("no round is being played");
    expect(refusal(view("lobby"), { command: "cancel" })).toBe("no countdown is running");
    expect(refusal(view("lobby"), { command: "nextPhase" })).toBe("no round is being played");
    const last = createGame(getScenario("classic")!, 1);
    last.phase = 2;
    expect(refusal(view("playing", { game: last }), { command: "nextPhase" })).toBe("already in the last phase");
    expect(refusal(view("playing"), { command: "nextRound" })).toBe("the current round has not ended");
  });

  it("kicking someone who is not there is refused", () => {
    expect(refusal(view("lobby"), { command: "kick", key: "bob" })).toBe("nobody with that key is in the room");
  });

  it("the debrief: between rounds only, finished rounds only, each once, a what-if within the round", () => {
    const rounds = [playedRound(SID, 1), playedRound(SID, 2)];
    expect(refusal(view("playing", { rounds }), { command: "debrief", rounds: [1] })).toBe("the debrief is shown between rounds");
    expect(refusal(view("ended", { rounds }), { command: "debrief", rounds: [3] })).toBe("there is no finished round 3");
    expect(refusal(view("ended", { rounds }), { command: "debrief", rounds: [1, 1] })).toBe("round 1 is listed twice");
    expect(refusal(view("ended", { rounds }), { command: "debrief", rounds: [1], whatIf: { round: 1, fromSecond: 999, team: "hero" } })).toMatch(
      /^round 1 lasted \d+ s; the what-if cannot start at 999 s$/,
    );
  });
});

describe("host commands carried out", () => {
  it("start counts down the default seconds unless told otherwise", () => {
    expect(decideHostCommand(view("lobby"), { command: "start" })).toEqual({ kind: "start", countdownSeconds: HOSTED_COUNTDOWN_SECONDS });
    expect(decideHostCommand(view("lobby"), { command: "start", countdownSeconds: 0 })).toEqual({ kind: "start", countdownSeconds: 0 });
  });

  it("settings carry over within a scenario; a new scenario starts from its own defaults", () => {
    const v = view("ended");
    const same = decideHostCommand(v, { command: "settings", spreadPct: 150, board: "value" });
    expect(same).toEqual({ kind: "settings", settings: { ...v.settings, customisation: { durationSeconds: 300, spreadPct: 150 } }, board: "value" });
    // A new starting phase drops the length chosen for the old one.
    const phase = decideHostCommand(v, { command: "settings", startPhase: 1 });
    expect(phase).toMatchObject({ kind: "settings", settings: { customisation: { startPhase: 1 } } });
    expect("settings" in phase && phase.settings.customisation.durationSeconds).toBe(undefined);
    const other = decideHostCommand(v, { command: "settings", scenario: "startup", seed: 7 });
    expect(other).toEqual({ kind: "settings", settings: { scenarioId: "startup", customisation: {}, seats: 4, bots: v.settings.bots, seed: 7 } });
  });

  it("simple settings of the room, and the host's message cleaned", () => {
    expect(decideHostCommand(view("playing"), { command: "pause" })).toEqual({ kind: "set", fields: { paused: true } });
    expect(decideHostCommand(view("playing", { paused: true }), { command: "resume" })).toEqual({ kind: "resume" });
    expect(decideHostCommand(view("lobby"), { command: "lock" })).toEqual({ kind: "set", fields: { locked: true } });
    expect(decideHostCommand(view("lobby"), { command: "unlock" })).toEqual({ kind: "set", fields: { locked: false } });
    expect(decideHostCommand(view("lobby"), { command: "message", text: "  Break\u0007 in\n\n5 minutes " })).toEqual({
      kind: "set",
      fields: { message: "Break in 5 minutes" },
    });
    expect(decideHostCommand(view("playing"), { command: "nextPhase" })).toEqual({ kind: "phase", phase: 1 });
    expect(decideHostCommand(view("lobby"), { command: "kick", key: "alice" })).toEqual({ kind: "kick", key: "alice" });
    expect(decideHostCommand(view("lobby"), { command: "debrief", rounds: [] })).toEqual({ kind: "debrief", debrief: null });
  });

  it("the room's language: English, German, Spanish or each browser's own, at any time", () => {
    for (const language of ["en", "de", "es", ""] as const)
      for (const stage of ["lobby", "playing", "ended"] as const)
        expect(decideHostCommand(view(stage), { command: "language", language })).toEqual({ kind: "set", fields: { language } });
    for (const language of ["fr", "DE", "de-AT", "english", null, 1])
      expect(checkHostCommand({ command: "language", language })).toMatchObject({ ok: false, error: { code: "bad-command" } });
    expect(checkHostCommand({ command: "language", language: "de" })).toEqual({ ok: true, value: { command: "language", language: "de" } });
    expect(checkHostCommand({ command: "language", language: "es", extra: 1 })).toMatchObject({ ok: false });
  });
});

describe("facilitators' messages are checked before anything is decided", () => {
  it("host and workshop commands: plain data only, bounded, and the first problem named", () => {
    expect(checkHostCommand({ command: "start", countdownSeconds: 10n })).toEqual({
      ok: false,
      error: { code: "bad-command", message: "command could not be read as plain data" },
    });
    expect(checkWorkshopCommand({ command: "form", size: 10n })).toEqual({
      ok: false,
      error: { code: "bad-command", message: "command could not be read as plain data" },
    });
    const long = { command: "message", text: "x".repeat(MAX_COMMAND_BYTES) };
    for (const check of [checkHostCommand, checkWorkshopCommand]) {
      const r = check(long);
      expect(r.ok === false && r.error.code).toBe("too-large");
      expect(r.ok === false && r.error.message).toMatch(new RegExp(`^command is \\d+ bytes; the limit is ${MAX_COMMAND_BYTES}$`));
    }
    expect(checkHostCommand({ command: "start", countdownSeconds: -1 })).toEqual({
      ok: false,
      error: { code: "bad-command", message: "bad host command: countdownSeconds: Number must be greater than or equal to 0" },
    });
    expect(checkWorkshopCommand({ command: "fly" })).toMatchObject({
      ok: false,
      error: { code: "bad-command", message: expect.stringMatching(/^bad workshop command: command: /) },
    });
    expect(checkHostCommand({ command: "lock" })).toEqual({ ok: true, value: { command: "lock" } });
  });
});

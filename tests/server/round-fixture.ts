// A finished round played by bots through the rules, shaped as the hosted room records it,
// so store and export tests work on real logs, timelines and summaries.
import type { RoundRecord } from "../../server/hosting/rounds.js";
import type { SessionRecord } from "../../server/storage/store.js";
import { playBots } from "../../shared/bots/match.js";
import { type BotKind, customise, getScenario, roundSummary, stateHash } from "../../shared/index.js";

export function session(id: string, hostHash: string, createdAt: number, code = "ABCDEF"): SessionRecord {
  return { id, kind: "room", hostHash, code, createdAt };
}

export function playedRound(sessionId: string, round: number, opts: { seed?: number; team?: BotKind[]; names?: string[] } = {}): RoundRecord {
  const customisation = { durationSeconds: 12 };
  const made = customise(getScenario("startup")!, customisation);
  if (!made.ok) throw new Error(made.error);
  const seed = opts.seed ?? 100 + round;
  const { state, log } = playBots(made.scenario, seed, opts.team ?? ["hero", "balanced", "preventer"], { record: true });
  if (!state.ended) throw new Error("the bots' round did not end");
  const summary = roundSummary(state);
  // Names as people type them, for the export's quoting and formula guard (the summary only: the log stays replayable).
  opts.names?.forEach((name, seat) => {
    if (summary.players[seat]) summary.players[seat].name = name;
  });
  const startedAt = 1_700_000_000_000 + round * 60_000;
  return {
    sessionId,
    code: "ABCDEF",
    round,
    scenarioId: "startup",
    customisation,
    scenario: made.scenario,
    seed,
    seats: state.players.length,
    board: "praise",
    log,
    ended: state.ended,
    ticks: state.tick,
    hash: stateHash(state),
    summary,
    timeline: state.timeline,
    startedAt,
    endedAt: startedAt + 12_000,
  };
}

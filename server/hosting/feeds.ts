// What a hosted room shows besides the game: the consoles' live charts (the round's timeline,
// sent a second at a time), the list of rounds played, and the next round's settings in the
// synced state for every screen.
import type { Client } from "@colyseus/core";
import { EFFORTS, teamEffort, type Timeline } from "../../shared/index.js";
import { MSG } from "../../shared/protocol/index.js";
import { type RoundSettings, settingsScenario } from "../../shared/settings.js";
import type { HostedState } from "../schema/HostedState.js";
import type { RoundRecord } from "./rounds.js";

/** The timeline samples from second `from` on, with the team's effort per second. */
export function timelineMessage(t: Timeline, round: number, from: number) {
  return {
    round,
    from,
    fires: t.fires.slice(from),
    risk: t.risk.slice(from),
    value: t.value.slice(from),
    praise: t.praise.slice(from),
    effort: teamEffort(t).slice(from * EFFORTS.length),
    efforts: EFFORTS,
  };
}

/**
 * The consoles' live charts: every console gets the samples not sent yet, and a console that
 * just joined gets the whole round so far (the others already have it).
 */
export class TimelineFeed {
  private sent = 0;

  /** A new round: nothing sent yet. */
  reset(): void {
    this.sent = 0;
  }

  /** To every console: the seconds since the last update, if any. */
  update(consoles: readonly Client[], t: Timeline, round: number): void {
    const from = this.sent;
    this.sent = t.fires.length;
    if (consoles.length === 0 || from >= t.fires.length) return;
    const message = timelineMessage(t, round, from);
    for (const c of consoles) c.send(MSG.timeline, message);
  }

  /** To one console that just joined: the whole round so far. */
  whole(to: Client, t: Timeline, round: number): void {
    to.send(MSG.timeline, timelineMessage(t, round, 0));
  }
}

/** The consoles' list of the rounds played: settings, outcome and hash of each. */
export function roundRows(records: readonly RoundRecord[]) {
  return records.map((r) => ({
    round: r.round,
    scenario: r.scenarioId,
    customisation: r.customisation,
    seed: r.seed,
    ended: r.ended,
    seconds: Math.floor(r.ticks / r.scenario.tickRate),
    value: r.summary.value,
    hash: r.hash,
    players: r.summary.players.map((p) => ({ name: p.name, bot: p.bot, praise: p.praise, net: p.net })),
  }));
}

/** Copies the host's choices for the next round into the synced state. */
export function showSettings(st: HostedState, settings: RoundSettings): void {
  const { base, scenario } = settingsScenario(settings);
  const c = settings.customisation;
  st.nextScenario = base.id;
  st.scenarioName = base.name;
  st.duration = scenario.durationSeconds;
  st.exponentHalves = scenario.ignition.exponentHalves;
  st.spreadPct = c.spreadPct ?? 100;
  st.startPhase = c.startPhase ?? 0;
  st.seats = settings.seats;
}

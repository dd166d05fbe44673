// One tick of the rules. Order: phase growth, players (in seat order), the map, collapse,
// then the clock and the once-a-second timeline sample.
import { stepMap, type MapTotals } from "./fire.js";
import { enterPhase } from "./game.js";
import { stepPlayer } from "./players.js";
import { EFFORTS, type GameState, activeTileCount } from "./state.js";

export function step(s: GameState): void {
  if (s.ended) return;
  const sc = s.scenario;
  const next = sc.phases[s.phase + 1];
  if (next && s.tick >= next.startSecond * sc.tickRate) enterPhase(s, s.phase + 1);

  for (const p of s.players) stepPlayer(s, p);
  const totals = stepMap(s);

  if (totals.fires * 100 > sc.collapse.burningPct * activeTileCount(s)) s.overload++;
  else s.overload = 0;

  s.tick++;
  if (s.tick % sc.tickRate === 0) sampleTimeline(s, totals);
  if (s.overload >= sc.collapse.seconds * sc.tickRate) s.ended = "collapse";
  else if (s.tick >= sc.durationSeconds * sc.tickRate) s.ended = "time";
}

function sampleTimeline(s: GameState, totals: MapTotals): void {
  const tl = s.timeline;
  tl.fires.push(totals.fires);
  tl.risk.push(totals.risk);
  tl.value.push(s.value);
  let praise = 0;
  for (const p of s.players) {
    praise += p.praise;
    const row = tl.effort[p.seat]!;
    for (let k = 0; k < EFFORTS.length; k++) {
      row.push(p.effortNow[k]!);
      p.effortNow[k] = 0;
    }
  }
  tl.praise.push(praise);
}

/** Steps until the round ends or `maxTicks` more ticks have run. */
export function runTicks(s: GameState, maxTicks: number): void {
  for (let n = 0; n < maxTicks && !s.ended; n++) step(s);
}

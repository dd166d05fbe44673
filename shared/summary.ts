// The round's figures per player: praise, direct effect, indirect effect and net.
import { EFFORTS, type Effort, type GameState } from "./state.js";

export interface PlayerSummary {
  seat: number;
  name: string;
  bot: string | null;
  praise: number;
  /** Book value of heat removed and guard built. */
  direct: number;
  /** Value lost to fires rooted in this player's embers and dust. */
  indirect: number;
  net: number;
  saves: number;
  heatRemoved: number;
  guardBuilt: number;
  riskCleared: number;
  firesCaused: number;
  effort: Record<Effort, number>;
}

export interface RoundSummary {
  scenario: string;
  seed: number;
  endTick: number;
  seconds: number;
  collapsed: boolean;
  value: number;
  praise: number;
  players: PlayerSummary[];
}

export function playerSummaries(s: GameState): PlayerSummary[] {
  const ledger = s.scenario.ledger;
  return s.players.map((p) => {
    const st = p.stats;
    const direct = st.heatRemoved * ledger.perHeatRemoved + st.guardBuilt * ledger.perGuardBuilt;
    return {
      seat: p.seat,
      name: p.name,
      bot: p.bot,
      praise: p.praise,
      direct,
      indirect: st.damageCharged,
      net: direct - st.damageCharged,
      saves: st.saves,
      heatRemoved: st.heatRemoved,
      guardBuilt: st.guardBuilt,
      riskCleared: st.riskCleared,
      firesCaused: st.firesCaused,
      effort: Object.fromEntries(EFFORTS.map((e, k) => [e, st.effort[k]!])) as Record<Effort, number>,
    };
  });
}

export function roundSummary(s: GameState): RoundSummary {
  const players = playerSummaries(s);
  return {
    scenario: s.scenario.id,
    seed: s.seed,
    endTick: s.tick,
    seconds: Math.floor(s.tick / s.scenario.tickRate),
    collapsed: s.ended === "collapse",
    value: s.value,
    praise: players.reduce((sum, p) => sum + p.praise, 0),
    players,
  };
}

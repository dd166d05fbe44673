// The rows both stores read and write. SQLite and PostgreSQL hold the same tables and columns
// (both generated from tables.ts), so a record maps to its rows in one place and the two stores
// cannot drift apart. What a driver hands back differently (JSON as text or parsed, 0/1 or a
// boolean) is converted by each store before or after these.
import type { RoundRecord } from "../hosting/rounds.js";
import type { BoardMode } from "../../shared/protocol/index.js";
import type { PlayerSummary } from "../../shared/index.js";
import type { RoundEnd } from "../../shared/ending.js";
import type { Checkpoint, CheckpointWrite, SessionKind, SessionRecord } from "./store.js";
import type { RoomLogEntry } from "../../shared/protocol/stored.js";
import { columnsOf } from "./tables.js";

/** `R` with its `Json` columns as the JSON text that is written (and that SQLite reads back). */
export type JsonText<R, Json extends keyof R> = Omit<R, Json> & { [K in Json]: string };

export interface SessionRow {
  id: string;
  kind: SessionKind;
  host_hash: string;
  code: string;
  created_at: number;
  parent_id: string | null;
  team: string | null;
}

/** A round_players row without its key, effort parsed. */
export interface PlayerRow {
  seat: number;
  name: string;
  bot: string | null;
  praise: number;
  direct: number;
  indirect: number;
  net: number;
  saves: number;
  heat_removed: number;
  guard_built: number;
  risk_cleared: number;
  fires_caused: number;
  effort: PlayerSummary["effort"];
}

/** A rounds row joined with its round_data, JSON parsed. */
export interface RoundRow {
  session_id: string;
  round: number;
  code: string;
  scenario_id: string;
  customisation: RoundRecord["customisation"];
  scenario: RoundRecord["scenario"];
  seed: number;
  seats: number;
  board: string;
  ended: string;
  ticks: number;
  seconds: number;
  hash: string;
  started_at: number;
  ended_at: number;
  value: number;
  praise: number;
  collapsed: boolean;
  log: RoundRecord["log"];
  timeline: RoundRecord["timeline"];
}

/** A rounds row as it is written: JSON stringified by us in both stores, since node-postgres
 *  would send a JavaScript array as a PostgreSQL array rather than as JSON. */
export type RoundInsert = JsonText<Omit<RoundRow, "log" | "timeline">, "customisation" | "scenario">;

/** The INSERT's column order, for positional parameters: tables.ts's, checked against the row types. */
export const SESSION_COLUMNS = columnsOf("sessions") satisfies (keyof SessionRow)[];
export const ROUND_COLUMNS = columnsOf("rounds") satisfies (keyof RoundInsert)[];
export const ROUND_DATA_COLUMNS = columnsOf("round_data") satisfies (keyof RoundDataRow)[];

export const sessionRow = (s: SessionRecord): SessionRow => ({
  id: s.id,
  kind: s.kind,
  host_hash: s.hostHash,
  code: s.code,
  created_at: s.createdAt,
  parent_id: s.parentId ?? null,
  team: s.team ?? null,
});

/** NULL parent and team are left out, so a plain session reads back as it was saved. */
export const sessionFromRow = (r: SessionRow): SessionRecord => ({
  id: r.id,
  kind: r.kind,
  hostHash: r.host_hash,
  code: r.code,
  createdAt: r.created_at,
  ...(r.parent_id !== null && { parentId: r.parent_id }),
  ...(r.team !== null && { team: r.team }),
});

export const playerRow = (p: PlayerSummary): PlayerRow => ({
  seat: p.seat,
  name: p.name,
  bot: p.bot,
  praise: p.praise,
  direct: p.direct,
  indirect: p.indirect,
  net: p.net,
  saves: p.saves,
  heat_removed: p.heatRemoved,
  guard_built: p.guardBuilt,
  risk_cleared: p.riskCleared,
  fires_caused: p.firesCaused,
  effort: p.effort,
});

export const playerFromRow = (p: PlayerRow): PlayerSummary => ({
  seat: p.seat,
  name: p.name,
  bot: p.bot,
  praise: p.praise,
  direct: p.direct,
  indirect: p.indirect,
  net: p.net,
  saves: p.saves,
  heatRemoved: p.heat_removed,
  guardBuilt: p.guard_built,
  riskCleared: p.risk_cleared,
  firesCaused: p.fires_caused,
  effort: p.effort,
});

export const roundRow = (r: RoundRecord): RoundInsert => ({
  session_id: r.sessionId,
  round: r.round,
  code: r.code,
  scenario_id: r.scenarioId,
  customisation: JSON.stringify(r.customisation),
  scenario: JSON.stringify(r.scenario),
  seed: r.seed,
  seats: r.seats,
  board: r.board,
  ended: r.ended,
  ticks: r.ticks,
  seconds: r.summary.seconds,
  hash: r.hash,
  started_at: r.startedAt,
  ended_at: r.endedAt,
  value: r.summary.value,
  praise: r.summary.praise,
  collapsed: r.summary.collapsed,
});

export interface RoundDataRow {
  session_id: string;
  round: number;
  log: string;
  timeline: string;
}

export const roundDataRow = (r: RoundRecord): RoundDataRow => ({
  session_id: r.sessionId,
  round: r.round,
  log: JSON.stringify(r.log),
  timeline: JSON.stringify(r.timeline),
});

export const roundFromRow = (r: RoundRow, players: PlayerSummary[]): RoundRecord => ({
  sessionId: r.session_id,
  code: r.code,
  round: r.round,
  scenarioId: r.scenario_id,
  customisation: r.customisation,
  scenario: r.scenario,
  seed: r.seed,
  seats: r.seats,
  board: r.board as BoardMode,
  log: r.log,
  ended: r.ended as RoundEnd,
  ticks: r.ticks,
  hash: r.hash,
  // The summary's own copies of the scenario, seed and end tick are the round's.
  summary: {
    scenario: r.scenario.id,
    seed: r.seed,
    endTick: r.ticks,
    seconds: r.seconds,
    collapsed: r.collapsed,
    value: r.value,
    praise: r.praise,
    players,
  },
  timeline: r.timeline,
  startedAt: r.started_at,
  endedAt: r.ended_at,
});

/** A checkpoints row as it is written (JSON as text in both stores). */
export interface CheckpointRow {
  session_id: string;
  code: string;
  round: number;
  format: number;
  saved_at: number;
  tick: number;
  hash: string;
  room: string;
  snapshot: string | null;
  log_length: number;
}

export const CHECKPOINT_COLUMNS = columnsOf("checkpoints") satisfies (keyof CheckpointRow)[];

/** The head of `w` as a row; `snapshot` is null when the write leaves it out (the store decides whether to keep the old one). */
export const checkpointRow = (w: CheckpointWrite): CheckpointRow => ({
  session_id: w.sessionId,
  code: w.code,
  round: w.round,
  format: w.format,
  saved_at: w.savedAt,
  tick: w.tick,
  hash: w.hash,
  room: JSON.stringify(w.room ?? null),
  snapshot: w.snapshot ? JSON.stringify(w.snapshot) : null,
  log_length: w.from + w.entries.length,
});

/** Whether the stored snapshot stays: the write leaves it out and continues the same log. */
export const keepsSnapshot = (w: CheckpointWrite): boolean => w.snapshot === undefined && w.from !== 0;

/** A checkpoint from its row (JSON parsed by the caller's driver or here) and its log's chunks in order. */
export function checkpointFromRow(
  r: Omit<CheckpointRow, "room" | "snapshot"> & { room: unknown; snapshot: Checkpoint["snapshot"] },
  chunks: RoomLogEntry[][],
): Checkpoint {
  return {
    sessionId: r.session_id,
    code: r.code,
    round: r.round,
    format: r.format,
    savedAt: r.saved_at,
    tick: r.tick,
    hash: r.hash,
    room: r.room,
    snapshot: r.snapshot,
    log: chunks.flat(),
  };
}

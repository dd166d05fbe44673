// A session's rounds as files a facilitator takes away: one JSON document, or CSV tables for
// a spreadsheet. Pure (no I/O, the clock passed in) so it is tested without a server.
import { strToU8, zipSync } from "fflate";
import type { RoundRecord } from "../hosting/rounds.js";
import { teamEffort } from "../../shared/debrief.js";
import { EFFORTS, type LogEntry } from "../../shared/index.js";
import type { SessionRecord } from "./store.js";

export const CSV_TABLES = ["rounds", "players", "timeline", "effort", "log"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/** What a session looks like outside the server: the host secret's hash stays behind. */
export type PublicSession = Omit<SessionRecord, "hostHash">;

export function publicSession(s: SessionRecord): PublicSession {
  return { id: s.id, kind: s.kind, code: s.code, createdAt: s.createdAt };
}

export function exportJson(session: SessionRecord, rounds: readonly RoundRecord[], now: number) {
  return {
    format: "smolder-session",
    version: 1,
    exportedAt: new Date(now).toISOString(),
    efforts: EFFORTS,
    session: publicSession(session),
    rounds: rounds.map((r) => ({
      round: r.round,
      code: r.code,
      settings: { scenarioId: r.scenarioId, customisation: r.customisation, seed: r.seed, seats: r.seats, board: r.board, scenario: r.scenario },
      outcome: { ended: r.ended, ticks: r.ticks, seconds: r.summary.seconds, collapsed: r.summary.collapsed, value: r.summary.value, praise: r.summary.praise },
      hash: r.hash,
      startedAt: new Date(r.startedAt).toISOString(),
      endedAt: new Date(r.endedAt).toISOString(),
      players: r.summary.players,
      timeline: r.timeline,
      log: r.log,
    })),
  };
}

type Cell = string | number | boolean | null | undefined;

/**
 * One RFC 4180 field. Text that a spreadsheet would read as a formula (player names are typed
 * by anyone) gets a leading apostrophe; numbers are left alone so negative figures stay numbers.
 */
export function csvField(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (typeof v !== "string") return String(v);
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The entry's kind: the intent's own kind ("move", "invest", …), else join, leave, rejoin or phase. */
function kindOf(e: LogEntry): string {
  if ("intent" in e) return e.intent.kind;
  if ("join" in e) return "join";
  if ("leave" in e) return "leave";
  if ("phase" in e) return "phase";
  return "rejoin";
}

/** Timeline sample k is taken when second k+1 has been played. */
const secondOf = (k: number) => k + 1;

export function csvTable(table: CsvTable, rounds: readonly RoundRecord[]): string {
  const n = EFFORTS.length;
  switch (table) {
    case "rounds":
      return csv(
        ["round", "code", "scenario", "customisation", "seed", "seats", "board", "ended", "ticks", "seconds", "collapsed", "value", "praise", "hash", "started_at", "ended_at"],
        rounds.map((r) => [
          r.round, r.code, r.scenarioId, JSON.stringify(r.customisation), r.seed, r.seats, r.board, r.ended, r.ticks,
          r.summary.seconds, r.summary.collapsed, r.summary.value, r.summary.praise, r.hash, iso(r.startedAt), iso(r.endedAt),
        ]),
      );
    case "players":
      return csv(
        ["round", "seat", "name", "bot", "praise", "direct", "indirect", "net", "saves", "heat_removed", "guard_built", "risk_cleared", "fires_caused", ...EFFORTS.map((e) => `effort_${e}`)],
        rounds.flatMap((r) =>
          r.summary.players.map((p) => [
            r.round, p.seat, p.name, p.bot, p.praise, p.direct, p.indirect, p.net, p.saves, p.heatRemoved, p.guardBuilt, p.riskCleared, p.firesCaused,
            ...EFFORTS.map((e) => p.effort[e]),
          ]),
        ),
      );
    case "timeline":
      return csv(
        ["round", "second", "fires", "risk", "value", "praise", ...EFFORTS.map((e) => `effort_${e}`)],
        rounds.flatMap((r) => {
          const team = teamEffort(r.timeline);
          const t = r.timeline;
          return t.fires.map((fires, k) => [r.round, secondOf(k), fires, t.risk[k], t.value[k], t.praise[k], ...team.slice(k * n, k * n + n)]);
        }),
      );
    case "effort":
      return csv(
        ["round", "second", "seat", ...EFFORTS],
        rounds.flatMap((r) =>
          r.timeline.fires.flatMap((_, k) => r.timeline.effort.map((row, seat) => [r.round, secondOf(k), seat, ...EFFORTS.map((_e, i) => row[k * n + i] ?? 0)])),
        ),
      );
    case "log":
      return csv(
        ["round", "tick", "seat", "kind", "entry"],
        rounds.flatMap((r) => r.log.map((e) => [r.round, e.tick, e.seat, kindOf(e), JSON.stringify(e)])),
      );
  }
}

/** Every table, zipped as <table>.csv. */
export function csvZip(rounds: readonly RoundRecord[]): Uint8Array {
  return zipSync(Object.fromEntries(CSV_TABLES.map((t) => [`${t}.csv`, strToU8(csvTable(t, rounds))])));
}

/** smolder-<code>-<YYYY-MM-DD>[-<table>].<ext>, the date being the day of the export (UTC). */
export function exportName(session: SessionRecord, now: number, ext: string, table?: string): string {
  const code = session.code.replace(/[^A-Za-z0-9]/g, "") || "session";
  return `smolder-${code}-${iso(now).slice(0, 10)}${table ? `-${table}` : ""}.${ext}`;
}

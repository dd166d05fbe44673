// A session's rounds as files a facilitator takes away: one JSON document, or CSV tables for
// a spreadsheet; a workshop's export holds every team's rounds. Pure (no I/O, the clock
// passed in) so it is tested without a server.
import { strToU8, zipSync } from "fflate";
import type { RoundRecord } from "../hosting/rounds.js";
import { teamEffort } from "../../shared/debrief.js";
import { EFFORTS, type LogEntry } from "../../shared/index.js";
import type { SessionRecord } from "./store.js";

export const CSV_TABLES = ["rounds", "players", "timeline", "effort", "log"] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

const iso = (ms: number) => new Date(ms).toISOString();

/** What a session looks like outside the server: the host secret's hash stays behind. */
export type PublicSession = Omit<SessionRecord, "hostHash">;

export function publicSession(s: SessionRecord): PublicSession {
  return {
    id: s.id,
    kind: s.kind,
    code: s.code,
    createdAt: s.createdAt,
    ...(s.parentId !== undefined && { parentId: s.parentId }),
    ...(s.team !== undefined && { team: s.team }),
  };
}

/** What one export covers: a session's own rounds, or one team's in a workshop's export. */
export interface ExportPart {
  session: SessionRecord;
  rounds: readonly RoundRecord[];
}

function roundJson(r: RoundRecord) {
  return {
    round: r.round,
    code: r.code,
    settings: { scenarioId: r.scenarioId, customisation: r.customisation, seed: r.seed, seats: r.seats, board: r.board, scenario: r.scenario },
    outcome: { ended: r.ended, ticks: r.ticks, seconds: r.summary.seconds, collapsed: r.summary.collapsed, value: r.summary.value, praise: r.summary.praise },
    hash: r.hash,
    startedAt: iso(r.startedAt),
    endedAt: iso(r.endedAt),
    players: r.summary.players,
    timeline: r.timeline,
    log: r.log,
  };
}

/** A plain session (or one team's session on its own): its rounds. */
export function exportJson(session: SessionRecord, rounds: readonly RoundRecord[], now: number) {
  return {
    format: "smolder-session",
    version: 1,
    exportedAt: iso(now),
    efforts: EFFORTS,
    session: publicSession(session),
    rounds: rounds.map(roundJson),
  };
}

/** A workshop: each team's rounds, the teams in the order given (the store's listChildren).
 *  Its own format name, so a reader of "smolder-session" documents does not misread it. */
export function exportWorkshopJson(workshop: SessionRecord, teams: readonly ExportPart[], now: number) {
  return {
    format: "smolder-workshop",
    version: 1,
    exportedAt: iso(now),
    efforts: EFFORTS,
    session: publicSession(workshop),
    teams: teams.map((t) => ({ team: t.session.team ?? null, sessionId: t.session.id, code: t.session.code, rounds: t.rounds.map(roundJson) })),
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

/** A table's columns (after `team`) and its rows for one list of rounds. */
function table(t: CsvTable, rounds: readonly RoundRecord[]): [header: readonly string[], rows: Cell[][]] {
  const n = EFFORTS.length;
  switch (t) {
    case "rounds":
      return [
        [
          "round",
          "code",
          "scenario",
          "customisation",
          "seed",
          "seats",
          "board",
          "ended",
          "ticks",
          "seconds",
          "collapsed",
          "value",
          "praise",
          "hash",
          "started_at",
          "ended_at",
        ],
        rounds.map((r) => [
          r.round,
          r.code,
          r.scenarioId,
          JSON.stringify(r.customisation),
          r.seed,
          r.seats,
          r.board,
          r.ended,
          r.ticks,
          r.summary.seconds,
          r.summary.collapsed,
          r.summary.value,
          r.summary.praise,
          r.hash,
          iso(r.startedAt),
          iso(r.endedAt),
        ]),
      ];
    case "players":
      return [
        [
          "round",
          "seat",
          "name",
          "bot",
          "praise",
          "direct",
          "indirect",
          "net",
          "saves",
          "heat_removed",
          "guard_built",
          "risk_cleared",
          "fires_caused",
          ...EFFORTS.map((e) => `effort_${e}`),
        ],
        rounds.flatMap((r) =>
          r.summary.players.map((p) => [
            r.round,
            p.seat,
            p.name,
            p.bot,
            p.praise,
            p.direct,
            p.indirect,
            p.net,
            p.saves,
            p.heatRemoved,
            p.guardBuilt,
            p.riskCleared,
            p.firesCaused,
            ...EFFORTS.map((e) => p.effort[e]),
          ]),
        ),
      ];
    case "timeline":
      return [
        ["round", "second", "fires", "risk", "value", "praise", ...EFFORTS.map((e) => `effort_${e}`)],
        rounds.flatMap((r) => {
          const team = teamEffort(r.timeline);
          const tl = r.timeline;
          return tl.fires.map((fires, k) => [r.round, secondOf(k), fires, tl.risk[k], tl.value[k], tl.praise[k], ...team.slice(k * n, k * n + n)]);
        }),
      ];
    case "effort":
      return [
        ["round", "second", "seat", ...EFFORTS],
        rounds.flatMap((r) =>
          r.timeline.fires.flatMap((_, k) =>
            r.timeline.effort.map((row, seat) => [r.round, secondOf(k), seat, ...EFFORTS.map((_e, i) => row[k * n + i] ?? 0)]),
          ),
        ),
      ];
    case "log":
      return [["round", "tick", "seat", "kind", "entry"], rounds.flatMap((r) => r.log.map((e) => [r.round, e.tick, e.seat, kindOf(e), JSON.stringify(e)]))];
  }
}

/**
 * One table over every part, in order. The first column is the part's team name (empty for a
 * plain session), so a workshop's teams sit in one table; the name goes through the same
 * formula guard as every other text.
 */
export function csvTable(t: CsvTable, parts: readonly ExportPart[]): string {
  const header = table(t, [])[0];
  return csv(
    ["team", ...header],
    parts.flatMap((part) => table(t, part.rounds)[1].map((row) => [part.session.team ?? "", ...row])),
  );
}

/** Every table, zipped as <table>.csv. */
export function csvZip(parts: readonly ExportPart[]): Uint8Array {
  return zipSync(Object.fromEntries(CSV_TABLES.map((t) => [`${t}.csv`, strToU8(csvTable(t, parts))])));
}

/** smolder-<code>-<YYYY-MM-DD>[-<table>].<ext>, the date being the day of the export (UTC). */
export function exportName(session: SessionRecord, now: number, ext: string, table?: string): string {
  const code = session.code.replace(/[^A-Za-z0-9]/g, "") || "session";
  return `smolder-${code}-${iso(now).slice(0, 10)}${table ? `-${table}` : ""}.${ext}`;
}

// The session export without HTTP: JSON document, CSV tables (quoting, formula guard), zip.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { CSV_TABLES, csvField, csvTable, csvZip, exportJson, exportName } from "../../server/storage/export.js";
import { EFFORTS } from "../../shared/index.js";
import { csvObjects, parseCsv } from "./csv.js";
import { playedRound, session } from "./round-fixture.js";

const SID = "11111111-1111-4111-8111-111111111111";
const NAMES = ['=HYPERLINK("http://x")', 'Ann, "the hero"', "@SUM(A1)\nnext line"];
const rounds = [playedRound(SID, 1, { names: NAMES }), playedRound(SID, 2, { team: ["idle", "hero"] })];
const sess = session(SID, "f".repeat(64), 1_700_000_000_000, "ABCDEF");
const NOW = Date.UTC(2025, 2, 14, 12);

describe("CSV fields", () => {
  it("quotes commas, quotes and line breaks (RFC 4180); leaves numbers alone", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("two\r\nlines")).toBe('"two\r\nlines"');
    expect(csvField(-12)).toBe("-12");
    expect(csvField(true)).toBe("true");
    expect(csvField(null)).toBe("");
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    for (const bad of ["=1+1", "+1", "-1", "@cmd", "\tx"]) expect(csvField(bad).replace(/^"/, "")).toMatch(/^'/);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

describe("CSV tables", () => {
  it("players: one row per player of each round, equal to the summaries (names defused)", () => {
    const rows = csvObjects(csvTable("players", rounds));
    const expected = rounds.flatMap((r) => r.summary.players.map((p) => ({ r: r.round, p })));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const { r, p } = expected[i]!;
      expect(Number(row.round)).toBe(r);
      expect(row.name).toBe(/^[=+\-@]/.test(p.name) ? `'${p.name}` : p.name);
      for (const [col, v] of [["praise", p.praise], ["direct", p.direct], ["indirect", p.indirect], ["net", p.net], ["saves", p.saves], ["heat_removed", p.heatRemoved], ["fires_caused", p.firesCaused]] as const)
        expect(Number(row[col]), col).toBe(v);
      for (const e of EFFORTS) expect(Number(row[`effort_${e}`])).toBe(p.effort[e]);
      expect(row.bot).toBe(p.bot ?? "");
    });
  });

  it("timeline: one row per round and second, team effort summed over seats; effort: per seat", () => {
    const timeline = csvObjects(csvTable("timeline", rounds));
    const effort = csvObjects(csvTable("effort", rounds));
    const r = rounds[0]!;
    const secs = r.timeline.fires.length;
    expect(timeline).toHaveLength(secs + rounds[1]!.timeline.fires.length);
    expect(effort).toHaveLength(secs * r.timeline.effort.length + rounds[1]!.timeline.fires.length * rounds[1]!.timeline.effort.length);
    const last = timeline[secs - 1]!;
    expect(Number(last.second)).toBe(secs);
    expect(Number(last.value)).toBe(r.timeline.value.at(-1));
    expect(Number(last.fires)).toBe(r.timeline.fires.at(-1));
    // Every tick of every seat is in exactly one category, so a second sums to seats × tickRate.
    const team = EFFORTS.reduce((sum, e) => sum + Number(last[`effort_${e}`]), 0);
    expect(team).toBe(r.timeline.effort.length * r.scenario.tickRate);
    const perSeat = effort.filter((row) => row.round === "1" && Number(row.second) === secs);
    for (const e of EFFORTS) expect(perSeat.reduce((s, row) => s + Number(row[e]), 0)).toBe(Number(last[`effort_${e}`]));
  });

  it("rounds and log", () => {
    const rs = csvObjects(csvTable("rounds", rounds));
    expect(rs.map((row) => [Number(row.round), row.hash, Number(row.value), row.ended])).toEqual(rounds.map((r) => [r.round, r.hash, r.summary.value, r.ended]));
    expect(rs[0]!.started_at).toBe(new Date(rounds[0]!.startedAt).toISOString());
    const log = csvObjects(csvTable("log", rounds));
    expect(log).toHaveLength(rounds[0]!.log.length + rounds[1]!.log.length);
    expect(log[0]!.kind).toBe("join");
    expect(JSON.parse(log[0]!.entry!)).toEqual(rounds[0]!.log[0]);
    expect(new Set(log.map((l) => l.kind))).not.toContain("intent");
  });

  it("the zip holds every table; each line ends CRLF", () => {
    const files = unzipSync(csvZip(rounds));
    expect(Object.keys(files).sort()).toEqual(CSV_TABLES.map((t) => `${t}.csv`).sort());
    for (const t of CSV_TABLES) expect(strFromU8(files[`${t}.csv`]!)).toBe(csvTable(t, rounds));
    expect(parseCsv(csvTable("players", rounds))[0]![0]).toBe("round");
    expect(csvTable("rounds", rounds).endsWith("\r\n")).toBe(true);
  });
});

describe("JSON document", () => {
  it("has settings, outcome, hash, players, timeline and log per round, and no secret hash", () => {
    const doc = exportJson(sess, rounds, NOW);
    const text = JSON.stringify(doc);
    expect(text).not.toContain("f".repeat(64));
    expect(doc.session).toEqual({ id: SID, kind: "room", code: "ABCDEF", createdAt: sess.createdAt });
    expect(doc.exportedAt).toBe("2025-03-14T12:00:00.000Z");
    const r = JSON.parse(text).rounds[0];
    expect(r.settings).toMatchObject({ scenarioId: "startup", seed: rounds[0]!.seed, customisation: { durationSeconds: 12 } });
    expect(r.outcome).toMatchObject({ ended: "time", ticks: rounds[0]!.ticks, value: rounds[0]!.summary.value });
    expect(r.hash).toBe(rounds[0]!.hash);
    expect(r.players).toEqual(rounds[0]!.summary.players);
    expect(r.timeline).toEqual(rounds[0]!.timeline);
    expect(r.log).toEqual(rounds[0]!.log);
  });

  it("file names carry the code and the day", () => {
    expect(exportName(sess, NOW, "json")).toBe("smolder-ABCDEF-2025-03-14.json");
    expect(exportName(sess, NOW, "csv", "players")).toBe("smolder-ABCDEF-2025-03-14-players.csv");
  });
});

// The session export without HTTP: JSON document, CSV tables (quoting, formula guard), zip;
// a workshop's export holds every team's rounds.
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { CSV_TABLES, csvField, csvTable, csvZip, exportJson, exportName, exportWorkshopJson } from "../../server/storage/export.js";
import type { SessionRecord } from "../../server/storage/store.js";
import { EFFORTS } from "../../shared/index.js";
import { csvObjects, parseCsv } from "./csv.js";
import { playedRound, session } from "./round-fixture.js";

const SID = "11111111-1111-4111-8111-111111111111";
const NAMES = ['=HYPERLINK("http://x")', 'Ann, "the hero"', "@SUM(A1)\nnext line"];
const rounds = [playedRound(SID, 1, { names: NAMES }), playedRound(SID, 2, { team: ["idle", "hero"] })];
const sess = session(SID, "f".repeat(64), 1_700_000_000_000, "ABCDEF");
/** A plain session's export: one part, no team name. */
const plain = [{ session: sess, rounds }];
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
    const rows = csvObjects(csvTable("players", plain));
    const expected = rounds.flatMap((r) => r.summary.players.map((p) => ({ r: r.round, p })));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const { r, p } = expected[i]!;
      expect(Number(row.round)).toBe(r);
      expect(row.name).toBe(/^[=+\-@]/.test(p.name) ? `'${p.name}` : p.name);
      for (const [col, v] of [
        ["praise", p.praise],
        ["direct", p.direct],
        ["indirect", p.indirect],
        ["net", p.net],
        ["saves", p.saves],
        ["heat_removed", p.heatRemoved],
        ["fires_caused", p.firesCaused],
      ] as const)
        expect(Number(row[col]), col).toBe(v);
      for (const e of EFFORTS) expect(Number(row[`effort_${e}`])).toBe(p.effort[e]);
      expect(row.bot).toBe(p.bot ?? "");
    });
  });

  it("timeline: one row per round and second, team effort summed over seats; effort: per seat", () => {
    const timeline = csvObjects(csvTable("timeline", plain));
    const effort = csvObjects(csvTable("effort", plain));
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
    const rs = csvObjects(csvTable("rounds", plain));
    expect(rs.map((row) => [Number(row.round), row.hash, Number(row.value), row.ended])).toEqual(
      rounds.map((r) => [r.round, r.hash, r.summary.value, r.ended]),
    );
    expect(rs[0]!.started_at).toBe(new Date(rounds[0]!.startedAt).toISOString());
    const log = csvObjects(csvTable("log", plain));
    expect(log).toHaveLength(rounds[0]!.log.length + rounds[1]!.log.length);
    expect(log[0]!.kind).toBe("join");
    expect(JSON.parse(log[0]!.entry!)).toEqual(rounds[0]!.log[0]);
    expect(new Set(log.map((l) => l.kind))).not.toContain("intent");
  });

  it("the zip holds every table; each line ends CRLF", () => {
    const files = unzipSync(csvZip(plain));
    expect(Object.keys(files).sort()).toEqual(CSV_TABLES.map((t) => `${t}.csv`).sort());
    for (const t of CSV_TABLES) expect(strFromU8(files[`${t}.csv`]!)).toBe(csvTable(t, plain));
    // Every table starts with the team column, empty for a plain session.
    for (const t of CSV_TABLES) {
      const [header, ...rows] = parseCsv(csvTable(t, plain));
      expect(header!.slice(0, 2), t).toEqual(["team", "round"]);
      expect(rows.length, t).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r[0])), t).toEqual(new Set([""]));
    }
    expect(csvTable("rounds", plain).endsWith("\r\n")).toBe(true);
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

describe("a workshop's export", () => {
  const WID = "44444444-4444-4444-8444-444444444444";
  const HASH = "e".repeat(64);
  const EVIL = '=HYPERLINK("http://x","click")';
  const workshop: SessionRecord = { ...session(WID, HASH, 1_700_000_000_000, "WKSHOP"), kind: "workshop" };
  const team = (id: string, name: string, code: string, at: number): SessionRecord => ({ ...session(id, HASH, at, code), parentId: WID, team: name });
  const red = team("55555555-5555-4555-8555-555555555555", "Red", "CDEFGH", 1_700_000_001_000);
  const evil = team("66666666-6666-4666-8666-666666666666", EVIL, "DEFGHJ", 1_700_000_002_000);
  const teams = [
    { session: red, rounds: [playedRound(red.id, 1)] },
    { session: evil, rounds: [playedRound(evil.id, 1, { seed: 7, team: ["idle", "hero"], names: ["@Ann"] })] },
  ];

  it("JSON: every team with its session id, code and rounds in the plain export's shape; no secret hash", () => {
    const doc = exportWorkshopJson(workshop, teams, NOW);
    const text = JSON.stringify(doc);
    expect(text).not.toContain(HASH);
    expect(doc).toMatchObject({ format: "smolder-workshop", version: 1, exportedAt: "2025-03-14T12:00:00.000Z", efforts: EFFORTS });
    expect(doc.session).toEqual({ id: WID, kind: "workshop", code: "WKSHOP", createdAt: workshop.createdAt });
    expect(doc.teams.map((t) => [t.team, t.sessionId, t.code])).toEqual([
      ["Red", red.id, "CDEFGH"],
      [EVIL, evil.id, "DEFGHJ"],
    ]);
    // Each team's rounds are exactly what that team's own session export holds.
    teams.forEach((t, i) => expect(JSON.parse(text).teams[i].rounds).toEqual(JSON.parse(JSON.stringify(exportJson(t.session, t.rounds, NOW).rounds))));
    const r = doc.teams[1]!.rounds[0]!;
    expect(r.players).toEqual(teams[1]!.rounds[0]!.summary.players);
    expect(r.log.length).toBeGreaterThan(0);
    expect(r.timeline.fires.length).toBeGreaterThan(0);
  });

  it("CSV: every table starts with the team column and holds both teams' rows, in team order", () => {
    for (const t of CSV_TABLES) {
      const [header, ...rows] = parseCsv(csvTable(t, teams));
      expect(header![0], t).toBe("team");
      // Apart from the team column, a team's rows are those of its session exported on its own.
      const own = teams.map((part) => parseCsv(csvTable(t, [part])).slice(1));
      expect(
        own.every((o) => o.length > 0),
        t,
      ).toBe(true);
      expect(rows, t).toEqual(own.flat());
      expect(
        rows.map((r) => r[0]),
        t,
      ).toEqual([...own[0]!.map(() => "Red"), ...own[1]!.map(() => `'${EVIL}`)]);
    }
    const players = csvObjects(csvTable("players", teams));
    expect(players.filter((p) => p.team === "Red").map((p) => p.name)).toEqual(teams[0]!.rounds[0]!.summary.players.map((p) => p.name));
    expect(players.filter((p) => p.team !== "Red").map((p) => Number(p.net))).toEqual(teams[1]!.rounds[0]!.summary.players.map((p) => p.net));
  });

  it("CSV: a team name that is a formula is defused in every table, like a player's name", () => {
    for (const t of CSV_TABLES) {
      const text = csvTable(t, teams);
      expect(text, t).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
      // No field anywhere starts as a spreadsheet formula would (negative numbers stay numbers).
      for (const row of parseCsv(text)) for (const field of row) expect(field, t).not.toMatch(/^[=+@\t\r]/);
    }
    expect(csvObjects(csvTable("players", teams)).find((p) => p.name?.includes("Ann"))!.name).toBe("'@Ann");
  });

  it("the zip holds the same five tables, each with both teams", () => {
    const files = unzipSync(csvZip(teams));
    expect(Object.keys(files).sort()).toEqual(CSV_TABLES.map((t) => `${t}.csv`).sort());
    for (const t of CSV_TABLES) {
      const text = strFromU8(files[`${t}.csv`]!);
      expect(text).toBe(csvTable(t, teams));
      expect(new Set(csvObjects(text).map((r) => r.team))).toEqual(new Set(["Red", `'${EVIL}`]));
    }
  });

  it("a workshop with no teams yet exports headers only", () => {
    expect(exportWorkshopJson(workshop, [], NOW).teams).toEqual([]);
    for (const t of CSV_TABLES) expect(parseCsv(csvTable(t, []))).toHaveLength(1);
  });
});

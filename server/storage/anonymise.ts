// Exports a company can hand on: every person becomes "Player 1..n" (the same alias for the same
// name in every round and team of the export), bots "Bot n", teams "Team 1..n", and no text a
// person typed survives anywhere, in the summaries or in the input logs' join entries. The aliases
// stay in English whatever language the console shows: an export is a data file, read by tools.
import type { LogEntry } from "../../shared/index.js";
import type { RoundRecord } from "../hosting/rounds.js";
import type { ExportPart } from "./export.js";

/** Aliases handed out in order of first appearance across the whole export. */
class Aliases {
  private readonly people = new Map<string, string>();

  person(name: string, bot: unknown, seat: number): string {
    if (bot) return `Bot ${seat + 1}`;
    let alias = this.people.get(name);
    if (!alias) this.people.set(name, (alias = `Player ${this.people.size + 1}`));
    return alias;
  }
}

function round(r: RoundRecord, aliases: Aliases): RoundRecord {
  const log = r.log.map((e): LogEntry => ("join" in e ? { ...e, join: { ...e.join, name: aliases.person(e.join.name, e.join.bot, e.seat) } } : e));
  const players = r.summary.players.map((p) => ({ ...p, name: aliases.person(p.name, p.bot, p.seat) }));
  return { ...r, log, summary: { ...r.summary, players } };
}

/** The same parts with every name replaced; the rules' figures, seeds and hashes untouched. */
export function anonymise(parts: readonly ExportPart[]): ExportPart[] {
  const aliases = new Aliases();
  return parts.map((part, i) => ({
    session: { ...part.session, ...(part.session.team !== undefined && part.session.team !== null ? { team: `Team ${i + 1}` } : {}) },
    rounds: part.rounds.map((r) => round(r, aliases)),
  }));
}

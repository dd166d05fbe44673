// A facilitator's stored sessions over HTTP, for the debrief, replays and exports. Everything
// needs the host secret as a Bearer token; a wrong one costs the caller's address a try from
// the same budget as wrong room codes, so secrets cannot be guessed here either. A workshop
// session answers with its teams' sessions and rounds, and exports all of them; a team's own
// session (same secret as its workshop) reads and exports like a plain one.
import type { IncomingMessage, ServerResponse } from "node:http";
import { CSV_TABLES, type CsvTable, csvTable, csvZip, type ExportPart, exportJson, exportName, exportWorkshopJson, publicSession } from "../storage/export.js";
import { anonymise } from "../storage/anonymise.js";
import type { SessionRecord } from "../storage/store.js";
import { REFUSALS } from "../../shared/protocol/index.js";
import { bearerOf, refuse } from "./api.js";
import { hashSecret, secretMatches } from "./codes.js";
import { addressOf } from "./limits.js";
import { hosting } from "./registry.js";
import { log } from "../log.js";

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const ROUTE = /^\/api\/sessions(?:\/([^/]+)(\/export)?)?\/?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

function attachment(res: ServerResponse, type: string, name: string, body: string | Uint8Array): void {
  res.writeHead(200, { "content-type": type, "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" });
  res.end(body);
}

export function createSessionsApi(now: () => number = Date.now): Handler {
  return (req, res, next) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname !== "/api/sessions" && !url.pathname.startsWith("/api/sessions/")) return next();
    const route = ROUTE.exec(url.pathname);
    if (!route) return refuse(res, 404, REFUSALS.badRequest, "no such sessions endpoint");
    if (req.method !== "GET") return refuse(res, 405, REFUSALS.badRequest, "use GET to read stored sessions");
    const address = addressOf(req, hosting.trustProxy);
    if (!hosting.failures.allowed(address)) {
      const seconds = hosting.failures.waitSeconds(address);
      return refuse(res, 429, REFUSALS.tooManySecrets, `too many wrong host secrets from your address; try again in ${seconds} s`, { seconds });
    }
    const secret = bearerOf(req);
    if (!secret) return refuse(res, 401, REFUSALS.noSecret, "send the host secret as Authorization: Bearer <secret>");
    // The try is spent before the store is asked and given back once the secret proves right,
    // so guesses sent in parallel (while a network store answers) cannot outrun the budget.
    hosting.failures.take(address);
    const admitted = () => hosting.failures.giveBack(address);
    void (async () => {
      const [, id, exporting] = route;
      if (id === undefined) {
        const listed = await hosting.store.listSessions(hashSecret(secret).toString("hex"));
        // A secret with no sessions is one nobody was given: a guess, and counted as one.
        if (listed.length === 0) return refuse(res, 401, REFUSALS.noSessions, "no sessions for this host secret");
        admitted();
        return send(
          res,
          200,
          listed.map((s) => ({ ...publicSession(s), rounds: s.rounds, lastPlayedAt: s.lastPlayedAt, teams: s.teams })),
        );
      }
      // Unknown ids cost a try too, so ids cannot be probed with a secret of one's own.
      const session = UUID.test(id) ? await hosting.store.getSession(id.toLowerCase()) : null;
      if (!session) return refuse(res, 404, REFUSALS.noSession, "no stored session with that id");
      if (!secretMatches(secret, Buffer.from(session.hostHash, "hex"))) return refuse(res, 401, REFUSALS.wrongSecret, "wrong host secret for this session");
      admitted();
      if (!exporting) {
        const [rounds, teams] = await Promise.all([hosting.store.listRounds(session.id), teamsOf(session)]);
        return send(res, 200, {
          session: publicSession(session),
          rounds,
          teams: teams.map((t) => ({ session: publicSession(t.session), rounds: t.rounds })),
        });
      }
      await exportSession(res, session, url.searchParams, now());
    })().catch((err: unknown) => {
      log.error({ event: "http-error", method: "GET", path: url.pathname, err }, "http-error");
      if (!res.headersSent) refuse(res, 500, REFUSALS.storeFailed, "could not read the stored sessions");
    });
  };
}

/** A session's team sessions with their rounds, in the store's order; none for a plain session. */
async function teamsOf(session: SessionRecord): Promise<ExportPart[]> {
  const teams = await hosting.store.listChildren(session.id);
  return Promise.all(teams.map(async (team) => ({ session: team, rounds: await hosting.store.listRounds(team.id) })));
}

async function exportSession(res: ServerResponse, session: SessionRecord, params: URLSearchParams, now: number): Promise<void> {
  const format = params.get("format") ?? "json";
  const table = params.get("table");
  if (format !== "json" && format !== "csv") return refuse(res, 400, REFUSALS.badRequest, 'format must be "json" or "csv"');
  if (table !== null && (format !== "csv" || !(CSV_TABLES as readonly string[]).includes(table)))
    return refuse(res, 400, REFUSALS.badRequest, `table is for format=csv and one of ${CSV_TABLES.join(", ")}`);
  const anonymiseParam = params.get("anonymise");
  if (anonymiseParam !== null && anonymiseParam !== "1" && anonymiseParam !== "0")
    return refuse(res, 400, REFUSALS.badRequest, 'anonymise must be "1" (players as Player 1..n, no typed text) or "0" (names kept)');
  const workshop = session.kind === "workshop";
  // Workshops bring a company's staff: their exports leave names out unless asked to keep them.
  const anonymous = anonymiseParam === null ? workshop || session.parentId !== undefined : anonymiseParam === "1";
  // A workshop's export is its teams'; anything else is its own rounds, as one unnamed part
  // (a team's session exported on its own carries its team name).
  const named = workshop ? await teamsOf(session) : [{ session, rounds: await hosting.store.listRounds(session.id) }];
  const parts = anonymous ? anonymise(named) : named;
  if (format === "json") {
    const doc = workshop ? exportWorkshopJson(session, parts, now) : exportJson(session, parts[0]!.rounds, now);
    return attachment(res, "application/json", exportName(session, now, "json"), JSON.stringify(doc, null, 2));
  }
  if (table) return attachment(res, "text/csv; charset=utf-8", exportName(session, now, "csv", table), csvTable(table as CsvTable, parts));
  attachment(res, "application/zip", exportName(session, now, "zip"), csvZip(parts));
}

// The host's secrets stay in this browser (localStorage), never in a room's state. One secret
// is the facilitator's key: new rooms are created with it, so it lists every session they ran.
import type { RoundRecord } from "../../shared/protocol/index.js";
import type { SessionListing, SessionRecord } from "../../shared/protocol/index.js";
import { t } from "../i18n/index.js";
import { refusedBy } from "../net/refused.js";

export interface Kept {
  secret: string;
  sessionId: string;
  created: number;
  /** A workshop's lobby rather than a room. */
  workshop?: boolean;
}
const ROOMS = "smolder.host.rooms";
const LAST = "smolder.host.last";
const KEY = "smolder.host.key";

export function keptRooms(): Record<string, Kept> {
  try {
    return JSON.parse(localStorage.getItem(ROOMS) ?? "{}") as Record<string, Kept>;
  } catch {
    return {};
  }
}

/** Remembers a room's secret; `last` makes it the one /host offers to go back to. */
export function keep(code: string, kept: Kept, last = true): void {
  // Keep the last few rooms only.
  const recent = Object.entries(keptRooms())
    .filter(([c]) => c !== code)
    .sort((a, b) => b[1].created - a[1].created)
    .slice(0, 9);
  localStorage.setItem(ROOMS, JSON.stringify(Object.fromEntries([[code, kept], ...recent])));
  if (last) localStorage.setItem(LAST, code);
  if (!localStorage.getItem(KEY)) localStorage.setItem(KEY, kept.secret);
}

export function lastRoom(): string | null {
  return localStorage.getItem(LAST);
}

export function hostKey(): string | null {
  return localStorage.getItem(KEY);
}

export function setHostKey(secret: string): void {
  localStorage.setItem(KEY, secret);
}

/** Every secret this browser holds: the key first, then older rooms' own secrets. */
export function allSecrets(): string[] {
  const key = hostKey();
  return [...new Set([...(key ? [key] : []), ...Object.values(keptRooms()).map((k) => k.secret)])];
}

export function secretFor(sessionId: string): string | null {
  const kept = Object.values(keptRooms()).find((k) => k.sessionId === sessionId);
  return kept?.secret ?? hostKey();
}

// ---- the sessions API (Authorization: Bearer <secret>) ----

async function call<T>(path: string, secret: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { ...init, headers: { ...(init.headers ?? {}), authorization: `Bearer ${secret}` } });
  if (!res.ok) throw await refusedBy(res);
  return (await res.json()) as T;
}

export interface Created {
  code: string;
  hostSecret: string;
  sessionId: string;
}

/** A new room; with `sessionId`, the next rounds of a stored session. A workshop with `workshop`. */
export async function createRoom(sessionId?: string, workshop = false): Promise<Created> {
  const key = sessionId ? secretFor(sessionId) : hostKey();
  const path = workshop ? "/api/workshops" : "/api/rooms";
  const init: RequestInit = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(sessionId ? { sessionId } : {}) };
  const created = key
    ? await call<Created>(path, key, init)
    : await fetch(path, init).then(async (r) => {
        if (!r.ok) throw await refusedBy(r);
        return (await r.json()) as Created;
      });
  keep(created.code, { secret: created.hostSecret, sessionId: created.sessionId, created: Date.now(), ...(workshop ? { workshop: true } : {}) });
  return created;
}

export async function listSessions(): Promise<SessionListing[]> {
  const all = await Promise.all(allSecrets().map((s) => call<SessionListing[]>("/api/sessions", s).catch(() => [] as SessionListing[])));
  const byId = new Map<string, SessionListing>();
  for (const list of all) for (const s of list) byId.set(s.id, s);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt);
}

export interface StoredSession {
  session: SessionRecord;
  rounds: RoundRecord[];
  /** A workshop's teams, each its own session. */
  teams?: { session: SessionRecord; rounds: RoundRecord[] }[];
}

export async function loadSession(sessionId: string, secret = secretFor(sessionId)): Promise<StoredSession> {
  if (!secret) throw new Error(t("host.noKeySession"));
  return call(`/api/sessions/${encodeURIComponent(sessionId)}`, secret);
}

/** Downloads the export with the secret in the header (a plain link cannot carry it). */
export async function downloadExport(sessionId: string, format: "json" | "csv"): Promise<void> {
  const secret = secretFor(sessionId);
  if (!secret) throw new Error(t("host.noKeySession"));
  const res = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/export?format=${format}`, { headers: { authorization: `Bearer ${secret}` } });
  if (!res.ok) throw await refusedBy(res);
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? `smolder-${sessionId}.${format === "csv" ? "zip" : "json"}`;
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

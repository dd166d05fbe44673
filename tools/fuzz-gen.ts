// The fuzz generator shared by tests/server/fuzz.test.ts and `npm run fuzz`: from one integer
// seed, the same sequence of hostile messages and raw frames every time. Types cover every name
// Colyseus reserves ("*", "__no_message_handler"), numeric types and the rooms' real ones;
// payloads cover deep nesting, prototype keys, extreme and non-finite numbers, long strings and
// arrays, and near-valid intents and host commands. Everything stays within the 4 KB frame.
import { encode } from "@colyseus/schema";
import { HOST_COMMANDS, MAX_FRAME_BYTES, WORKSHOP_COMMANDS } from "../shared/protocol/index.js";

/** mulberry32: a small, fast integer PRNG; the whole run follows from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)]!;

export type FuzzItem = { kind: "message"; type: string | number; payload: unknown } | { kind: "raw"; bytes: Uint8Array };

const RESERVED_TYPES = ["*", "__no_message_handler", "__proto__", "constructor", "toString", "hasOwnProperty"];
/** Types the client library itself encodes so the server misreads the rest of the frame (the
 *  empty string reads as a number; a lone surrogate miscounts its length): such a frame closes
 *  the socket, so they are rarer than the rest to keep the run short. */
const MISENCODED_TYPES = ["", "\ud800", "a\udfff"];
const NUMERIC_TYPES = [0, 1, -1, 10, 13, 255, 256, 65535, 2 ** 31, -(2 ** 31), 2 ** 53, 1.5, -0];
const STRANGE_NUMBERS = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 32,
  2 ** 64,
  0.5,
  -1,
];
const KEYS = ["__proto__", "constructor", "prototype", "kind", "command", "dx", "dy", "x", "y", "on", "toString", "valueOf", "then", "length", ""];
const INTENT_KINDS = ["move", "sprint", "extinguish", "invest", "stepBack", "cancel", "ping", "", "__proto__"];
/** Commands a fuzzing host may send without stopping the round the bystanders watch. */
export const QUIET_HOST_COMMANDS = HOST_COMMANDS.filter((c) => !["end", "pause", "kick", "cancel", "nextRound", "settings", "start"].includes(c));

function number(rng: Rng): number {
  const r = rng();
  if (r < 0.4) return pick(rng, STRANGE_NUMBERS);
  if (r < 0.7) return int(rng, 7) - 3;
  return (rng() - 0.5) * 10 ** int(rng, 20);
}

function text(rng: Rng, max: number): string {
  const n = int(rng, max);
  const r = rng();
  if (r < 0.3) return "x".repeat(n);
  if (r < 0.5) return "\u202e\u0000\ud800".repeat(Math.ceil(n / 3)).slice(0, n);
  let s = "";
  for (let i = 0; i < Math.min(n, 64); i++) s += String.fromCharCode(int(rng, 0xffff));
  return s;
}

/** An object with `key` as its own property even when the key is "__proto__". */
function own(key: string, value: unknown): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
  return o;
}

function value(rng: Rng, depth: number): unknown {
  const r = rng();
  if (depth > 6 || r < 0.25) {
    const leaf = int(rng, 6);
    return leaf === 0 ? number(rng) : leaf === 1 ? text(rng, 200) : leaf === 2 ? null : leaf === 3 ? rng() < 0.5 : leaf === 4 ? undefined : int(rng, 100);
  }
  if (r < 0.45) return Array.from({ length: int(rng, 8) }, () => value(rng, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = int(rng, 5); i > 0; i--) Object.assign(o, own(pick(rng, KEYS), value(rng, depth + 1)));
  return o;
}

/** Nesting as deep as the frame allows. */
function deep(rng: Rng): unknown {
  let v: unknown = number(rng);
  for (let d = 0, n = 50 + int(rng, 400); d < n; d++) v = rng() < 0.5 ? [v] : own(pick(rng, KEYS), v);
  return v;
}

function intentLike(rng: Rng): unknown {
  const o: Record<string, unknown> = { kind: pick(rng, INTENT_KINDS) };
  for (const k of ["dx", "dy", "x", "y", "on"]) if (rng() < 0.6) o[k] = rng() < 0.5 ? number(rng) : value(rng, 5);
  return rng() < 0.1 ? Object.assign(own("__proto__", { kind: "move", dx: 1, dy: 0 }), o) : o;
}

function commandLike(rng: Rng, commands: readonly string[]): unknown {
  const o: Record<string, unknown> = { command: rng() < 0.9 ? pick(rng, commands) : text(rng, 20) };
  for (const k of ["text", "key", "mode", "then", "rounds", "team", "name", "size", "durationSeconds", "seed", "scenario", "whatIf"])
    if (rng() < 0.2) o[k] = value(rng, 4);
  return o;
}

function payload(rng: Rng, commands: readonly string[]): unknown {
  const r = rng();
  if (r < 0.25) return intentLike(rng);
  if (r < 0.4) return commandLike(rng, commands);
  if (r < 0.5) return deep(rng);
  if (r < 0.6) return Array.from({ length: int(rng, 600) }, () => int(rng, 256));
  if (r < 0.7) return text(rng, 3000);
  if (r < 0.8) return number(rng);
  return value(rng, 0);
}

/** A frame: random bytes, or a Colyseus header (room data, bytes, join) with random msgpack after it. */
function rawFrame(rng: Rng): Uint8Array {
  const r = rng();
  const n = int(rng, r < 0.9 ? 64 : MAX_FRAME_BYTES);
  const bytes = new Uint8Array(n + 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = int(rng, 256);
  // LEAVE_ROOM (12) is the polite way out, not bad input; anything else goes.
  bytes[0] = r < 0.6 ? pick(rng, [13, 17, 10, 13, 13]) : int(rng, 256);
  if (bytes[0] === 12) bytes[0] = 13;
  if (r < 0.4 && n > 8) {
    // A real type, then garbage: the decoder rather than the type lookup meets it.
    const type = new TextEncoder().encode(pick(rng, ["intent", "host", "*", "__no_message_handler"]));
    bytes[1] = 0xa0 | type.length;
    bytes.set(type.subarray(0, n - 2), 2);
  }
  return bytes;
}

/** A type name of printable characters, control characters and non-Latin scripts (no lone surrogates). */
function typeName(rng: Rng): string {
  let s = "";
  for (let i = int(rng, 40); i > 0; i--)
    s += String.fromCodePoint(pick(rng, [int(rng, 32), 32 + int(rng, 95), 0x400 + int(rng, 0x4000), 0x1f300 + int(rng, 200)]));
  return s;
}

export interface FuzzOptions {
  /** Host commands the payloads may name. */
  commands?: readonly string[];
  /** Share of raw frames (the rest are typed messages). */
  rawShare?: number;
}

export function nextItem(rng: Rng, opts: FuzzOptions = {}): FuzzItem {
  if (rng() < (opts.rawShare ?? 0.01)) return { kind: "raw", bytes: rawFrame(rng) };
  const r = rng();
  const type =
    r < 0.3
      ? "intent"
      : r < 0.45
        ? "host"
        : r < 0.65
          ? pick(rng, RESERVED_TYPES)
          : r < 0.8
            ? pick(rng, NUMERIC_TYPES)
            : r < 0.805
              ? pick(rng, MISENCODED_TYPES)
              : typeName(rng);
  for (;;) {
    const p = payload(rng, opts.commands ?? [...HOST_COMMANDS, ...WORKSHOP_COMMANDS]);
    if (messageFrame(type, p).length <= MAX_FRAME_BYTES) return { kind: "message", type, payload: p };
  }
}

/** msgpack for the fuzz's payloads: null, booleans, numbers (float64 unless a safe 32-bit integer),
 *  UTF-8 strings, arrays and maps of own enumerable keys ("__proto__" included). */
function msgpack(v: unknown, out: number[]): void {
  const u8 = (...b: number[]) => out.push(...b.map((x) => x & 0xff));
  const be = (n: number, bytes: number) => {
    for (let i = bytes - 1; i >= 0; i--) out.push(Math.floor(n / 2 ** (8 * i)) & 0xff);
  };
  if (v === null || v === undefined) return void u8(0xc0);
  if (typeof v === "boolean") return void u8(v ? 0xc3 : 0xc2);
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 0 && v < 128 && !Object.is(v, -0)) return void u8(v);
    if (Number.isInteger(v) && v >= 0 && v < 2 ** 16 && !Object.is(v, -0)) return void (u8(0xcd), be(v, 2));
    if (Number.isInteger(v) && v >= 0 && v < 2 ** 32 && !Object.is(v, -0)) return void (u8(0xce), be(v, 4));
    if (Number.isInteger(v) && v < 0 && v >= -(2 ** 31)) return void (u8(0xd2), be(v >>> 0, 4));
    const f = Buffer.alloc(8);
    f.writeDoubleBE(v);
    return void u8(0xcb, ...f);
  }
  if (typeof v === "string") {
    const b = Buffer.from(v, "utf8");
    u8(0xdb);
    be(b.length, 4);
    return void out.push(...b);
  }
  if (Array.isArray(v)) {
    u8(0xdd);
    be(v.length, 4);
    for (const x of v) msgpack(x, out);
    return;
  }
  const keys = Object.keys(v as object);
  u8(0xdf);
  be(keys.length, 4);
  for (const k of keys) {
    msgpack(k, out);
    msgpack((v as Record<string, unknown>)[k], out);
  }
}

/**
 * The frame colyseus.js's room.send(type, payload) would send: ROOM_DATA, the type, the payload in
 * msgpack. Encoded here rather than by the client library, whose shared msgpack encoder loops
 * forever on some sequences of these payloads (on the client; the server never sees them).
 */
export function messageFrame(type: string | number, payload: unknown): Uint8Array {
  const head = Buffer.alloc(256);
  head[0] = 13;
  const it = { offset: 1 };
  if (typeof type === "string") encode.string(head, type, it);
  else encode.number(head, type, it);
  const body: number[] = [];
  if (payload !== undefined) msgpack(payload, body);
  return Buffer.concat([head.subarray(0, it.offset), Buffer.from(body)]);
}

// One way to check untrusted data, for every message and document both sides read: measure it
// as JSON first (cheaply refusing what is too big or not plain data at all), then parse it
// with its zod schema, and name the first problem as "path: message".
import type { z } from "zod";
import type { ErrorCode, ErrorMessage } from "./wire.js";

/** Size of a decoded message as JSON text, or -1 when it is not plain data (a BigInt, a cycle). */
export function jsonSize(value: unknown): number {
  try {
    return JSON.stringify(value ?? null).length;
  } catch {
    return -1;
  }
}

/**
 * A zod error's first issue as "path: message". An issue at the root has no path: it reads as
 * `root: message` when `root` names the whole document, or as the message alone.
 */
export function issueText(error: z.ZodError, root = "", fallback = "invalid"): string {
  const issue = error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join(".") : root;
  const what = issue?.message ?? fallback;
  return where ? `${where}: ${what}` : what;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Parses with `schema`; a refusal reads `prefix` then the first issue. */
export function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown, prefix = ""): Parsed<T> {
  const r = schema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, reason: prefix + issueText(r.error) };
}

export interface MessageRule<T> {
  /** What the sender sent, as the refusal names it: "message" or "command". */
  noun: string;
  /** Largest size (JSON characters) read at all. */
  limit: number;
  /** The error code of a message that is not plain data or does not parse. */
  code: ErrorCode;
  parse: (message: unknown) => Parsed<T>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: ErrorMessage };

/** Checks one decoded message: bounded size, plain data, then its own parse. */
export function checkMessage<T>(message: unknown, rule: MessageRule<T>): Checked<T> {
  const size = jsonSize(message);
  // Oversized payloads are refused before any parsing work is spent on them.
  if (size > rule.limit) return { ok: false, error: { code: "too-large", message: `${rule.noun} is ${size} bytes; the limit is ${rule.limit}` } };
  // Values JSON cannot carry (BigInt, cycles) are never valid.
  if (size < 0) return { ok: false, error: { code: rule.code, message: `${rule.noun} could not be read as plain data` } };
  const parsed = rule.parse(message);
  return parsed.ok ? parsed : { ok: false, error: { code: rule.code, message: parsed.reason } };
}

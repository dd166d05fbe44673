// Untrusted messages become typed intents here or an error for the sender. The intent
// schema itself belongs to the rules (shared parseIntent); this adds the wire-level checks.
import { type Intent, parseIntent } from "../shared/index.js";
import { type ErrorMessage, MAX_MESSAGE_BYTES } from "../shared/protocol/index.js";

export type Checked = { ok: true; intent: Intent } | { ok: false; error: ErrorMessage };

/** Size of a decoded message as JSON, or -1 if it cannot be measured (e.g. a BigInt). */
function jsonSize(message: unknown): number {
  try {
    return JSON.stringify(message ?? null).length;
  } catch {
    return -1;
  }
}

/** Checks an "intent" message: bounded size, then the rules' intent schema. */
export function checkIntentMessage(message: unknown): Checked {
  const size = jsonSize(message);
  // Oversized payloads are refused before any parsing work is spent on them.
  if (size > MAX_MESSAGE_BYTES) return { ok: false, error: { code: "too-large", message: `message is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES}` } };
  // Values JSON cannot carry (BigInt, cycles) are never valid intents.
  if (size < 0) return { ok: false, error: { code: "bad-intent", message: "message could not be read as plain data" } };
  const parsed = parseIntent(message);
  if (!parsed.ok) return { ok: false, error: { code: "bad-intent", message: parsed.reason } };
  return { ok: true, intent: parsed.intent };
}

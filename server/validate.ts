// Untrusted messages become typed intents here or an error for the sender. The intent
// schema itself belongs to the rules (shared parseIntent); this adds the wire-level checks.
import { type Intent, parseIntent } from "../shared/index.js";
import { type Checked, checkMessage, MAX_MESSAGE_BYTES } from "../shared/protocol/index.js";

/** Checks an "intent" message: bounded size, plain data, then the rules' intent schema. */
export function checkIntentMessage(message: unknown): Checked<Intent> {
  return checkMessage(message, {
    noun: "message",
    limit: MAX_MESSAGE_BYTES,
    code: "bad-intent",
    parse: (m) => {
      const parsed = parseIntent(m);
      return parsed.ok ? { ok: true, value: parsed.intent } : parsed;
    },
  });
}

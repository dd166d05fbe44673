// The host's way into a hosted room or a workshop: the secret, checked against the stored
// hash in constant time, with wrong guesses counted per address like wrong room codes.
import { type AuthContext, type Client, type ClientArray, ErrorCode } from "@colyseus/core";
import { KICKED_CLOSE_CODE, MSG, REFUSALS } from "../../shared/protocol/index.js";
import { refusal } from "../refusals.js";
import { secretMatches } from "./codes.js";
import { hosting } from "./registry.js";

export function addressOfContext(context: AuthContext): string {
  return String(Array.isArray(context.ip) ? context.ip[0] : context.ip);
}

/** Throws the refusal the client sees unless `presented` is this room's host secret. */
export function checkHostSecret(presented: string, hostHash: Buffer, context: AuthContext, what: string): void {
  const address = addressOfContext(context);
  if (!hosting.failures.allowed(address)) {
    const seconds = hosting.failures.waitSeconds(address);
    throw refusal(ErrorCode.AUTH_FAILED, REFUSALS.tooManySecrets, `too many wrong attempts; wait ${seconds} s`, { seconds });
  }
  if (!secretMatches(presented, hostHash)) {
    hosting.failures.take(address);
    throw refusal(ErrorCode.AUTH_FAILED, REFUSALS.wrongSecret, `wrong host secret for this ${what}`);
  }
}

/** One console at a time: a new one (another tab, another device) takes over from `previousId`. */
export function displaceHost(clients: ClientArray, previousId: string | null, what: string): void {
  const previous: Client | undefined = previousId ? clients.getById(previousId) : undefined;
  if (!previous) return;
  previous.send(MSG.error, { code: "not-host", message: `the ${what} was opened somewhere else` });
  previous.leave(KICKED_CLOSE_CODE);
}

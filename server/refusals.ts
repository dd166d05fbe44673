// A join or create turned away at a room's door, as the matchmaker carries it: the status
// Colyseus expects, and a message that leads with the refusal's code and figures (see
// shared/protocol/refusals.ts) before the English the logs and older clients read.
import { ErrorCode, ServerError } from "@colyseus/core";
import { refusalMessage, type RefusalCode, type RefusalParams } from "../shared/protocol/index.js";

export function refusal(status: ErrorCode, code: RefusalCode, english: string, params?: RefusalParams): ServerError {
  return new ServerError(status, refusalMessage(code, english, params));
}

// The WebSocket transport, with the two things Colyseus's own gets wrong for a public server:
// a protocol error on one socket (a malformed frame, a frame over the size limit) prints a stack
// trace each time, and the client's address is taken from X-Real-IP / X-Forwarded-For headers
// that anyone can send (see clientAddress).
import type { IncomingMessage } from "node:http";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type WebSocket from "ws";
import { pinClientAddress } from "./hosting/limits.js";
import { hosting } from "./hosting/registry.js";
import { badInput, reasonOf } from "./log.js";

type RawClient = WebSocket & { pingCount: number };

export class SmolderTransport extends WebSocketTransport {
  protected override onConnection(rawClient: RawClient, req: IncomingMessage): Promise<void> {
    const address = pinClientAddress(req, hosting.trustProxy);
    const before = rawClient.listeners("error");
    const joining = super.onConnection(rawClient, req);
    // The socket is closed by ws itself after such an error; what remains is to say so once.
    for (const listener of rawClient.listeners("error")) if (!before.includes(listener)) rawClient.off("error", listener as (err: Error) => void);
    rawClient.on("error", (err: Error & { code?: string }) => badInput.note("bad-ws-frame", address, { address, reason: reasonOf(err), code: err.code }));
    return joining;
  }
}

// Payloads of the plain HTTP API that the pages read (the room sockets carry the rest).

export interface JoinOrigin {
  /** e.g. http://192.168.1.20:2567 */
  origin: string;
  /** How the origin was chosen: configured, as the browser asked, or swapped for a local-network address. */
  source: "configured" | "request" | "local-network" | "loopback-only";
  /** The network interface whose address replaced a loopback host, when one did. */
  network?: string;
}

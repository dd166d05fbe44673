// Where players should point their phones. A facilitator running Smolder on their own laptop
// opens the console at http://localhost:2567, but a join link or QR code naming localhost sends
// every phone in the room to itself. So a loopback Host is swapped for this machine's address on
// the local network, and the console is told which network that is (or how to configure one).
import type { IncomingMessage } from "node:http";
import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";
import { hosting } from "./registry.js";

export type { JoinOrigin } from "../../shared/protocol/http.js";
import type { JoinOrigin } from "../../shared/protocol/http.js";

type Interfaces = Record<string, NetworkInterfaceInfo[] | undefined>;

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)$/i;

/** Splits a Host header into its name and port ("[::1]:2567" → ["[::1]", "2567"]). */
function splitHost(host: string): [string, string] {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(host);
  return m ? [m[1] ?? host, m[2] ?? ""] : [host, ""];
}

/** The first external IPv4 address (private ranges first, as a laptop's Wi-Fi has), with its interface. */
export function localNetworkAddress(interfaces: Interfaces = networkInterfaces()): { address: string; network: string } | null {
  const found: { address: string; network: string; rank: number }[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.internal || info.family !== "IPv4" || info.address.startsWith("169.254.")) continue;
      const privateRange = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(info.address);
      found.push({ address: info.address, network: name, rank: privateRange ? 0 : 1 });
    }
  }
  found.sort((a, b) => a.rank - b.rank);
  return found[0] ? { address: found[0].address, network: found[0].network } : null;
}

/** The origin players join through, for a request that reached this server. */
export function joinOrigin(req: IncomingMessage, interfaces?: Interfaces): JoinOrigin {
  const configured = process.env.SMOLDER_PUBLIC_URL?.replace(/\/+$/, "");
  if (configured) return { origin: configured, source: "configured" };
  const proto = hosting.trustProxy
    ? String(req.headers["x-forwarded-proto"] ?? "http")
        .split(",")[0]!
        .trim()
    : "encrypted" in req.socket
      ? "https"
      : "http";
  const host = req.headers.host ?? "localhost";
  const [name, port] = splitHost(host);
  if (!LOOPBACK_HOST.test(name)) return { origin: `${proto}://${host}`, source: "request" };
  const lan = localNetworkAddress(interfaces);
  if (!lan) return { origin: `${proto}://${host}`, source: "loopback-only" };
  return { origin: `${proto}://${lan.address}${port ? `:${port}` : ""}`, source: "local-network", network: lan.network };
}

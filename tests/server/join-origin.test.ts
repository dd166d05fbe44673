// Join links a room can use: a facilitator who opens the console at localhost on their own
// laptop gets links and QR codes on the laptop's local-network address, so phones can join.
import type { IncomingMessage } from "node:http";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { joinOrigin, localNetworkAddress } from "../../server/hosting/origin.js";
import { freePort } from "../../tools/cluster.js";
import { startHostedServer } from "./hosted-helpers.js";

const iface = (address: string, internal = false) => ({
  address,
  internal,
  family: "IPv4" as const,
  netmask: "255.255.255.0",
  mac: "00:00:00:00:00:00",
  cidr: `${address}/24`,
});
const LAPTOP = { lo: [iface("127.0.0.1", true)], docker0: [iface("203.0.113.9")], wlan0: [iface("192.168.1.20")] };
const request = (host: string) => ({ headers: { host }, socket: {} }) as unknown as IncomingMessage;

describe("the join origin", () => {
  it("swaps a loopback host for this machine's local-network address, keeping the port", () => {
    for (const host of ["localhost:2567", "127.0.0.1:2567", "[::1]:2567"]) {
      expect(joinOrigin(request(host), LAPTOP)).toEqual({ origin: "http://192.168.1.20:2567", source: "local-network", network: "wlan0" });
    }
  });

  it("keeps a host the browser reached over the network, and says when there is no network", () => {
    expect(joinOrigin(request("game.example.org"), LAPTOP)).toEqual({ origin: "http://game.example.org", source: "request" });
    expect(joinOrigin(request("localhost:2567"), { lo: [iface("127.0.0.1", true)] })).toEqual({ origin: "http://localhost:2567", source: "loopback-only" });
  });

  it("prefers SMOLDER_PUBLIC_URL over everything", () => {
    vi.stubEnv("SMOLDER_PUBLIC_URL", "https://smolder.example.org/");
    try {
      expect(joinOrigin(request("localhost:2567"), LAPTOP)).toEqual({ origin: "https://smolder.example.org", source: "configured" });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("skips link-local addresses and prefers private ranges", () => {
    expect(localNetworkAddress({ eth0: [iface("169.254.3.4")] })).toBeNull();
    expect(localNetworkAddress({ a: [iface("198.51.100.7")], b: [iface("10.0.0.5")] })).toEqual({ address: "10.0.0.5", network: "b" });
  });
});

describe("a room created through localhost", () => {
  let server: ColyseusTestServer;
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    server = await startHostedServer(port);
  });
  afterAll(async () => {
    await server.shutdown();
  });

  it("gets a join link on a non-loopback address when the machine has one", async () => {
    const res = await fetch(`http://localhost:${port}/api/rooms`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(201);
    const { joinUrl } = (await res.json()) as { joinUrl: string };
    const lan = localNetworkAddress();
    if (lan) expect(joinUrl).toMatch(new RegExp(`^http://${lan.address.replace(/\./g, "\\.")}:${port}/join/[A-Z0-9]{6}$`));
    else expect(new URL(joinUrl).hostname).toBe("localhost");
    const asked = (await (await fetch(`http://localhost:${port}/api/join-origin`)).json()) as { origin: string };
    expect(`${asked.origin}/join/`).toBe(joinUrl.replace(/[A-Z0-9]{6}$/, ""));
  });
});

// Every HTTP route stops reading a body at MAX_HTTP_BODY_BYTES and answers 413: Colyseus's own
// matchmaking routes (which once collected any size in memory) as well as /api/*, whether the
// body declares its length or arrives chunked.
import { request } from "node:http";
import type { ColyseusTestServer } from "@colyseus/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_HTTP_BODY_BYTES } from "../../server/body.js";
import { freePort } from "../../tools/cluster.js";
import { startHostedServer } from "./hosted-helpers.js";

let server: ColyseusTestServer;
let port: number;

beforeAll(async () => {
  port = await freePort();
  server = await startHostedServer(port);
});
afterAll(async () => {
  await server?.shutdown();
});

/** POSTs `body`, chunked (no Content-Length) or with its length declared; resolves with the status. */
function post(path: string, body: Buffer, chunked: boolean): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "content-type": "application/json" };
    if (!chunked) headers["content-length"] = body.length;
    const req = request({ host: "127.0.0.1", port, path, method: "POST", headers }, (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may close once it has answered; what it answered is what counts.
    req.on("error", (err) => (err.message.includes("EPIPE") || err.message.includes("ECONNRESET") ? undefined : reject(err)));
    if (chunked) {
      for (let i = 0; i < body.length; i += 1024) req.write(body.subarray(i, i + 1024));
      req.end();
    } else req.end(body);
  });
}

/** A JSON object a little over the limit. */
const oversize = Buffer.from(JSON.stringify({ name: "x".repeat(MAX_HTTP_BODY_BYTES + 100) }));

describe("HTTP body limits", () => {
  for (const chunked of [false, true]) {
    const how = chunked ? "chunked" : "with Content-Length";
    it(`answers 413 to an oversize matchmaking body (${how})`, async () => {
      const res = await post("/matchmake/joinOrCreate/smolder", oversize, chunked);
      expect(res.status).toBe(413);
      expect(res.text).toContain(String(MAX_HTTP_BODY_BYTES));
    });

    it(`answers 413 to an oversize /api body (${how})`, async () => {
      for (const path of ["/api/rooms", "/api/workshops"]) expect((await post(path, oversize, chunked)).status).toBe(413);
    });
  }

  it("still creates rooms from bodies within the limit", async () => {
    const mm = await post("/matchmake/joinOrCreate/smolder", Buffer.from(JSON.stringify({ name: "Ann", countdownSeconds: 30 })), true);
    expect(mm.status).toBe(200);
    expect(JSON.parse(mm.text)).toHaveProperty("sessionId");
    expect((await post("/api/rooms", Buffer.from("{}"), false)).status).toBe(201);
  });

  it("refuses a declared oversize body on any other route too", async () => {
    expect((await post("/healthz", oversize, false)).status).toBe(413);
  });
});

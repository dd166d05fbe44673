// The static file handler that serves the built client next to the game.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staticFiles } from "../../server/http.js";

let server: Server;
let base: string;
beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "smolder-static-"));
  const dist = join(root, "dist");
  mkdirSync(join(dist, "assets"), { recursive: true });
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Smolder</title>");
  writeFileSync(join(dist, "assets", "game.js"), "console.log('game')");
  writeFileSync(join(root, "secret.txt"), "not for the web");
  const serve = staticFiles(dist);
  server = createServer((req, res) => serve(req, res, () => res.writeHead(404).end("next")));
  await new Promise<void>((r) => server.listen(0, r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("static files", () => {
  it("serves files with their content type", async () => {
    const res = await fetch(`${base}/assets/game.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/javascript/);
    expect(await res.text()).toBe("console.log('game')");
  });

  it("falls back to index.html for client routes", async () => {
    const res = await fetch(`${base}/room/ABCD`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>Smolder</title>");
  });

  it("never serves a file outside the build folder", async () => {
    for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt"]) {
      const text = await (await fetch(`${base}${path}`)).text();
      expect(text).not.toContain("not for the web");
    }
  });
});

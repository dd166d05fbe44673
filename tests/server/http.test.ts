// The static file handler that serves the built client next to the game.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { brotliCompressSync, brotliDecompressSync, gzipSync } from "node:zlib";
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
  // A hashed build file with the compressed copies tools/precompress.ts writes beside it.
  const hashed = "const phaser = 'big';".repeat(100);
  writeFileSync(join(dist, "assets", "phaser-B1a2c3D4.js"), hashed);
  writeFileSync(join(dist, "assets", "phaser-B1a2c3D4.js.br"), brotliCompressSync(hashed));
  writeFileSync(join(dist, "assets", "phaser-B1a2c3D4.js.gz"), gzipSync(hashed));
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

  it("sends the precompressed copy the browser accepts, and lets browsers keep hashed files for good", async () => {
    const get = (path: string, encoding?: string) =>
      new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
        const req = request(`${base}${path}`, { headers: encoding ? { "accept-encoding": encoding } : {} }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
        req.on("error", reject);
        req.end();
      });
    const br = await get("/assets/phaser-B1a2c3D4.js", "gzip, deflate, br");
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe("const phaser = 'big';".repeat(100));
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(br.headers.vary).toBe("Accept-Encoding");
    expect((await get("/assets/phaser-B1a2c3D4.js", "gzip")).headers["content-encoding"]).toBe("gzip");
    expect((await get("/assets/phaser-B1a2c3D4.js", "br;q=0, gzip;q=0")).headers["content-encoding"]).toBeUndefined();
    const plain = await get("/assets/phaser-B1a2c3D4.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe("const phaser = 'big';".repeat(100));
    // Pages and unhashed files are checked again every time, so a new build reaches everyone.
    expect((await get("/")).headers["cache-control"]).toBe("no-cache");
    expect((await get("/assets/game.js")).headers["cache-control"]).toBe("no-cache");
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

// Plain HTTP next to the game: a health check and the built client (dist/), if present.
// A small handler instead of express.static keeps the server free of untyped imports.
import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { matchMaker } from "@colyseus/core";
import { tickMetrics } from "./metrics.js";

type Next = () => void;
type Handler = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".svg": "image/svg+xml",
  ".ogg": "audio/ogg",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
  ".webmanifest": "application/manifest+json",
};

/** GET /healthz → 200 { rooms, clients } for this process. */
export const healthz: Handler = (req, res, next) => {
  if (req.method !== "GET" || req.url?.split("?")[0] !== "/healthz") return next();
  const body = JSON.stringify({ rooms: matchMaker.stats.local.roomCount, clients: matchMaker.stats.local.ccu });
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(body);
};

/** GET /metrics[?reset=1] → tick timing, CPU and memory, for the benchmarks; off unless SMOLDER_METRICS=1. */
export const metrics: Handler = (req, res, next) => {
  const [path, query] = (req.url ?? "").split("?");
  if (req.method !== "GET" || path !== "/metrics" || process.env.SMOLDER_METRICS !== "1") return next();
  const mem = process.memoryUsage();
  const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
  const body = {
    ...tickMetrics(query === "reset=1"),
    rooms: matchMaker.stats.local.roomCount,
    clients: matchMaker.stats.local.ccu,
    memory: { rssMB: mb(mem.rss), heapUsedMB: mb(mem.heapUsed) },
  };
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
};

/** Pages with their own HTML: the host console, the facilitator's guide and the projector view (/screen/CODE). */
function pageFor(path: string): string | null {
  if (path === "/host" || path === "/host/") return "host.html";
  if (path === "/guide" || path === "/guide/") return "guide.html";
  if (/^\/screen\/[^/]*\/?$/.test(path)) return "screen.html";
  return null;
}

/** Vite names what it builds into assets/ by content hash: such a file never changes, so browsers keep it. */
function cacheControl(base: string, file: string): string {
  return file.startsWith(join(base, "assets") + sep) && /-[\w-]{8,}\.\w+$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
}

/** The smallest copy tools/precompress.ts left beside `file` that the browser accepts, if any. */
function precompressed(file: string, accepted: string): { name: "br" | "gzip"; file: string } | null {
  const accepts = (name: string) => new RegExp(`(^|[\\s,])${name}(?!;q=0(\\.0*)?(\\s|,|$))`).test(accepted);
  if (accepts("br") && existsSync(`${file}.br`)) return { name: "br", file: `${file}.br` };
  if (accepts("gzip") && existsSync(`${file}.gz`)) return { name: "gzip", file: `${file}.gz` };
  return null;
}

/** Serves files under `root`; /host and /screen/CODE get their pages, other unknown paths index.html (a single-page client). */
export function staticFiles(root: string): Handler {
  const base = resolve(root);
  return (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !existsSync(base)) return next();
    let path: string;
    try {
      path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    } catch {
      return next();
    }
    const page = pageFor(path);
    let file = normalize(join(base, page ?? path));
    // Never serve anything outside the build folder.
    if (file !== base && !file.startsWith(base + sep)) return next();
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(base, "index.html");
    if (!existsSync(file)) return next();
    const encoding = precompressed(file, String(req.headers["accept-encoding"] ?? ""));
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": cacheControl(base, file),
      vary: "Accept-Encoding",
      ...(encoding ? { "content-encoding": encoding.name } : {}),
    });
    if (req.method === "HEAD") return void res.end();
    createReadStream(encoding?.file ?? file).pipe(res);
  };
}

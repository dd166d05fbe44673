// After `vite build`: writes a Brotli (.br) and a gzip (.gz) copy of every text file in dist/,
// compressed once at the highest settings, so the server sends the smallest file without
// compressing anything per request. Run by `npm run build:client`; a build without it is
// served uncompressed, which works the same, only slower over a network.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { extname, join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE = new Set([".js", ".css", ".html", ".svg", ".json", ".webmanifest", ".wasm"]);
const root = process.argv[2] ?? "dist";

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let before = 0;
let after = 0;
for (const path of files(root)) {
  if (!COMPRESSIBLE.has(extname(path))) continue;
  const raw = readFileSync(path);
  if (raw.length < 1024) continue;
  const br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
  before += raw.length;
  after += br.length;
}
console.log(`precompressed ${root}: ${(before / 1024).toFixed(0)} KB of text → ${(after / 1024).toFixed(0)} KB with Brotli`);

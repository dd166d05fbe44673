// FNV-1a over a canonical walk of plain data: object keys sorted, arrays in order,
// numbers as two 32-bit halves. Equal states give equal hashes in every engine.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// Unrolled: a checkpoint hashes the whole state every second, so this is hot.
function mix(h: number, word: number): number {
  h = Math.imul(h ^ (word & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((word >>> 8) & 0xff), FNV_PRIME);
  h = Math.imul(h ^ ((word >>> 16) & 0xff), FNV_PRIME);
  return Math.imul(h ^ (word >>> 24), FNV_PRIME);
}

function mixNumber(h: number, n: number): number {
  if (!Number.isInteger(n)) throw new Error(`state hash: non-integer number ${n}`);
  const lo = n >>> 0;
  const hi = Math.floor(n / 4294967296) | 0;
  return mix(mix(h, lo), hi);
}

function mixString(h: number, s: string): number {
  h = mix(h, s.length);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

function walk(h: number, v: unknown, omit: ReadonlySet<string>): number {
  if (v === null || v === undefined) return mix(h, 0xf0);
  if (typeof v === "number") return mixNumber(mix(h, 0xf1), v);
  if (typeof v === "boolean") return mix(h, v ? 0xf2 : 0xf3);
  if (typeof v === "string") return mixString(mix(h, 0xf4), v);
  if (Array.isArray(v)) {
    h = mix(mix(h, 0xf5), v.length);
    // Most of a state is arrays of integers: hashed here without a call per item.
    for (const item of v) h = typeof item === "number" ? mixNumber(mix(h, 0xf1), item) : walk(h, item, omit);
    return h;
  }
  if (typeof v === "object") {
    const keys = Object.keys(v as object)
      .filter((k) => !omit.has(k))
      .sort();
    h = mix(mix(h, 0xf6), keys.length);
    for (const k of keys) h = walk(mixString(h, k), (v as Record<string, unknown>)[k], omit);
    return h;
  }
  throw new Error(`state hash: cannot encode ${typeof v}`);
}

const NONE: ReadonlySet<string> = new Set();

/** FNV-1a hash of plain data as 8 hex digits; object keys named in `omit` are skipped at any depth. */
export function hashValue(v: unknown, omit: ReadonlySet<string> = NONE): string {
  return (walk(FNV_OFFSET, v, omit) >>> 0).toString(16).padStart(8, "0");
}

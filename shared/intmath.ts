// Integer helpers. The rules use only + - * / on integers and Math.floor/sqrt,
// which IEEE 754 defines exactly, so every engine computes the same state.

/** Largest r with r*r <= n, for integer n >= 0. */
export function isqrt(n: number): number {
  if (n <= 0) return 0;
  let r = Math.floor(Math.sqrt(n));
  // Math.sqrt is correctly rounded, but the product check keeps this exact for large n too.
  while (r * r > n) r--;
  while ((r + 1) * (r + 1) <= n) r++;
  return r;
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** Integer division rounding toward negative infinity. */
export function idiv(a: number, b: number): number {
  return Math.floor(a / b);
}

export function sign(v: number): -1 | 0 | 1 {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

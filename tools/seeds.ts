// Seed lists as the tools take them: "1..20", "7" or "1,5,9".

/** The seeds, or null if the text is not a range A..B (A ≤ B, at most 10000), a seed, or a list. */
export function parseSeedList(text: string): number[] | null {
  const range = /^(\d+)\.\.(\d+)$/.exec(text);
  if (range) {
    const [from, to] = [Number(range[1]), Number(range[2])];
    if (to < from || to - from >= 10000) return null;
    return Array.from({ length: to - from + 1 }, (_, k) => from + k);
  }
  if (/^\d+(,\d+)*$/.test(text)) return text.split(",").map(Number);
  return null;
}
